/**
 * Heap cost of objects kept alive: heapUsed after a full GC, before and after building them. Needs `--expose-gc`
 * (the bench CLI starts every group in a child `node --expose-gc`).
 */
import { median } from './stats.ts';
import type { Measure, Unit } from './types.ts';

export class GcUnavailableError extends Error {
  override name = 'GcUnavailableError';
  constructor() {
    super('memory benchmarks need global.gc: run them through `npm run bench` (it starts node with --expose-gc), or pass --expose-gc yourself');
  }
}

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new GcUnavailableError();
  // Twice: the first pass may only schedule finalisation of weakly held objects.
  gc();
  gc();
}

export interface MemorySide {
  readonly label: string;
  /** Builds the objects to measure; the returned value is kept alive until after the second heap reading. */
  readonly build: () => unknown | Promise<unknown>;
  /** Releases what `build` made outside the JS heap's reach (live views, effect roots), after the reading. */
  readonly dispose?: (built: unknown) => void | Promise<void>;
}

let keep: unknown;

/** heapUsed delta (bytes) of one build, divided by `per` (records, views). */
async function once(side: MemorySide, per: number): Promise<number> {
  keep = undefined;
  fullGc();
  const before = process.memoryUsage().heapUsed;
  const built = await side.build();
  fullGc();
  const after = process.memoryUsage().heapUsed;
  keep = built;
  keep = undefined;
  await side.dispose?.(built);
  return (after - before) / per;
}

/**
 * Measures every side `samples` times, interleaved (side order rotates each round), and returns the medians.
 * `per` divides the delta: bytes per record or per view.
 */
export async function compareMemory(sides: readonly MemorySide[], options: { samples: number; per: number; unit: Extract<Unit, 'B/record' | 'B/view'> }): Promise<Measure[]> {
  const samples = sides.map(() => [] as number[]);
  // Warm-up: first-use allocations (hidden classes, compiled code) are not per-record costs.
  for (const side of sides) await once(side, options.per);
  for (let round = 0; round < options.samples; round++) {
    for (let k = 0; k < sides.length; k++) {
      const index = (k + round) % sides.length;
      samples[index]!.push(await once(sides[index]!, options.per));
    }
  }
  return sides.map((side, i) => ({ label: side.label, value: median(samples[i]!), unit: options.unit, samples: samples[i]!.length }));
}
