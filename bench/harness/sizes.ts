/** Sample counts and sizes per mode: full for `npm run bench`, fast (seconds) for `bench:check`. */
import type { Mode } from './types.ts';

export function pick<T>(mode: Mode, full: T, fast: T): T {
  return mode === 'full' ? full : fast;
}
