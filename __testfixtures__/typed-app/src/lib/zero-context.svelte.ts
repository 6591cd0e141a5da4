import { getContext, setContext } from 'svelte';
import { Job, updateJob } from '$lib/zero';

function build(userId: string | null) {
  return { Job, updateJob, userId };
}

export type ZeroContext = ReturnType<typeof build>;

export function createZeroContext(userId: string | null): ZeroContext {
  return setContext('zero', build(userId));
}

export function getZeroContext(): ZeroContext {
  return getContext<ZeroContext>('zero');
}
