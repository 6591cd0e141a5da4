/**
 * The benchmark groups, in table order. Each runs in its own child process (fresh heap and JIT state);
 * `browser` groups get Svelte's browser build, as an app's client does.
 */
import type { GroupResult, Mode } from './harness/types.ts';

export interface GroupSpec {
  readonly id: string;
  readonly title: string;
  /** Runs under `--conditions=browser` (runes modules are compiled in client mode for every group). */
  readonly browser: boolean;
  /**
   * How many child processes a full run takes the median of (default 1): where the heap puts each side's data, and
   * when a collection lands, move some ratios from one process to the next, enough to flip a verdict at the edge of its
   * goal (`find(id)` read 1.04x and 1.08x in two full runs). Each is told its index, to build its sides in another order.
   */
  readonly processes?: number;
  /** `run(mode, processIndex)`: the child's index among the group's `processes` (0 when there is one). */
  readonly load: () => Promise<{ run(mode: Mode, processIndex: number): Promise<GroupResult> }>;
}

export const GROUPS: readonly GroupSpec[] = [
  { id: 'property-access', title: '1 property access', browser: false, load: () => import('./suites/property-access.ts') },
  { id: 'active-memory', title: '2 ActiveRecord memory', browser: false, load: () => import('./suites/active-memory.ts') },
  { id: 'reactive-memory', title: '3 ReactiveRecord memory', browser: true, processes: 3, load: () => import('./suites/reactive-memory.svelte.ts') },
  { id: 'reactive-update', title: '4 reactive update', browser: true, processes: 4, load: () => import('./suites/reactive-update.svelte.ts') },
  { id: 'finders', title: '5 finders', browser: false, processes: 3, load: () => import('./suites/finders.ts') },
  { id: 'codemod', title: '6 codemod throughput', browser: false, load: () => import('./suites/codemod.ts') },
  { id: 'generator', title: '7 generator', browser: false, load: () => import('./suites/generator.ts') },
  { id: 'named-queries', title: '8 named queries', browser: false, processes: 3, load: () => import('./suites/named-queries.ts') },
  { id: 'monitoring', title: '9 monitoring hook', browser: false, processes: 3, load: () => import('./suites/monitoring.ts') },
];

export function groupById(id: string): GroupSpec | undefined {
  return GROUPS.find((group) => group.id === id);
}
