import { writable } from 'svelte/store';
import type { JobStatus } from '$lib/zero';

export const statusFilter = writable<JobStatus | 'all'>('all');

export function resetFilters(): void {
  statusFilter.set('all');
}
