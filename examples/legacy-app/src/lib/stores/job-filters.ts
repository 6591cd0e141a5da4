// Job board filter state, shared by the filter bar, the search box and the list.
import { writable } from 'svelte/store';
import type { JobStatus } from '$lib/zero/job.generated';

export interface JobFilters {
  status: JobStatus | 'all';
  search: string;
}

export const jobFilters = writable<JobFilters>({ status: 'all', search: '' });

export function resetJobFilters(): void {
  jobFilters.set({ status: 'all', search: '' });
}
