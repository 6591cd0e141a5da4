import { derived, writable, type Readable } from 'svelte/store';
import type { Job, ModelHandle } from '$lib/zero';
import type { ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';

// Whatever the page is showing, so the header/breadcrumbs can show the job title.
// Accepts either handle flavour because /jobs/[id] uses findProgressive and the old page used Job.find.
type CurrentJob = ModelHandle<Job | null> | ReactiveQueryOne<Job>;

const currentJob = writable<CurrentJob | null>(null);
const sidebarOpen = writable(true);

export const layoutActions = {
  setCurrentJob(job: CurrentJob | null) {
    currentJob.set(job);
  },
  clearCurrentJob: () => currentJob.set(null),
  toggleSidebar: () => sidebarOpen.update((v) => !v),
};

export const currentJobTitle: Readable<string> = derived(currentJob, ($job) => $job?.current?.title ?? '');

export const layoutState = { currentJob: { subscribe: currentJob.subscribe }, sidebarOpen };
