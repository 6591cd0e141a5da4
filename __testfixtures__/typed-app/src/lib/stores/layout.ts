import { writable } from 'svelte/store';
import type { Job, ModelHandle } from '$lib/zero';

const currentJob = writable<ModelHandle<Job | null> | null>(null);

export const layoutActions = {
  setCurrentJob(handle: ModelHandle<Job | null> | null) {
    currentJob.set(handle);
  },
};
