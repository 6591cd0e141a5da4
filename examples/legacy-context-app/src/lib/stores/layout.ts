// Layout-level state shared between the page and the header: which job is open (the page hands its
// live job query over so the header can show the title), plus the sidebar toggle.
import { derived, writable } from 'svelte/store';
import type { ReactiveQueryOne } from '$lib/zero';
import type { Job } from '$lib/zero';

const currentJob = writable<ReactiveQueryOne<Job> | null>(null);
export const sidebarOpen = writable(true);

export const layoutActions = {
  setCurrentJob(job: ReactiveQueryOne<Job> | null) {
    currentJob.set(job);
  },
  clearCurrentJob() {
    currentJob.set(null);
  },
};

export const layoutStore = { currentJob: { subscribe: currentJob.subscribe } };

export function resetLayout(): void {
  currentJob.set(null);
  sidebarOpen.set(true);
}
