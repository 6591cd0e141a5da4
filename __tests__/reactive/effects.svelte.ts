/**
 * Effects for tests of reactive reads: what an effect saw, and a turn of the event loop for Svelte and Zero.
 */
import { flushSync } from 'svelte';

/** Lets Svelte's deferred unsubscribe (a microtask) and Zero's listeners run. */
export const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `read` in an effect; returns every value it saw, the latest (after flushing), and the cleanup. */
export function watch<T>(read: () => T): { seen: T[]; last: () => T; stop: () => void } {
  const seen: T[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(read());
    });
  });
  flushSync();
  return { seen, last: () => (flushSync(), seen.at(-1)!), stop };
}
