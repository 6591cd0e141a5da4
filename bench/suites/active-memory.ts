/**
 * 2. ActiveRecord memory: heap kept alive per record (after a full GC) vs Zero's own row objects and vs plain
 * object literals. Records and plain objects are built from the same fetched rows (column values shared), so only
 * the objects differ. Zero's row objects are the heap a `z.run` leaves; measured twice, with the result held and
 * dropped, because Zero keeps about as much after a run whose result the caller dropped (reported as its own row).
 */
import { createBuilder } from '@rocicorp/zero';
import { compareMemory } from '../harness/memory.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Measure, Mode } from '../harness/types.ts';
import { instantiate } from '../../runtime/active/record.ts';
import { activeJobs, benchZero, schema, seedJobs, plainJobs } from '../fixtures/zero.ts';

const GROUP = '2 ActiveRecord memory';
const KB = 1024;
// Every build allocates at least this many records (several collections of `size`), so heap noise stays small.
const RECORDS_PER_BUILD = { full: 20_000, fast: 10_000 } as const;

function times<T>(count: number, make: () => T): T[] {
  return Array.from({ length: count }, make);
}

async function timesAsync<T>(count: number, make: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(await make());
  return out;
}

export async function run(mode: Mode): Promise<GroupResult> {
  const sizes = pick(mode, [1_000, 10_000], [1_000]);
  const samples = pick(mode, 9, 3);
  const z = benchZero();
  await seedJobs(z, Math.max(...sizes));
  const Job = activeJobs(z);
  const zql = createBuilder(schema);
  const rows = [];
  for (const size of sizes) {
    const relation = Job.order('id').limit(size);
    const query = zql.jobs.orderBy('id', 'asc').limit(size);
    const fetched = (await z.run(query)) as readonly Record<string, unknown>[];
    const copies = Math.max(1, Math.round(RECORDS_PER_BUILD[mode] / size));
    const [active, plain, kept, discarded] = await compareMemory(
      [
        { label: 'ActiveRecord', build: () => times(copies, () => instantiate(relation, fetched)) },
        { label: 'plain object', build: () => times(copies, () => plainJobs(fetched)) },
        { label: 'z.run kept', build: () => timesAsync(copies, () => z.run(query)) },
        { label: 'z.run discarded', build: async () => (await timesAsync(copies, () => z.run(query))).length },
      ],
      { samples, per: size * copies, unit: 'B/record' },
    );
    const zeroRows: Measure = { ...kept!, label: 'Zero rows' };
    const count = size.toLocaleString('en-US');
    rows.push(measuredRow(GROUP, `vs plain objects, ${count} records`, active!, plain!, { kind: 'ratio', max: 1.2 }));
    rows.push(measuredRow(GROUP, `vs Zero rows, ${count} records`, active!, zeroRows, { kind: 'none' }, 'Zero rows = heap left by z.run with its result held'));
    if (size === 1_000) {
      const total = (m: Measure): Measure => ({ ...m, value: (m.value * size) / KB, unit: 'KB' });
      rows.push(measuredRow(GROUP, `total, ${count} records`, total(active!), total(plain!), { kind: 'absolute', max: 200, unit: 'KB' }, 'KB = 1,024 bytes; column strings are shared with Zero, so not counted'));
    }
    rows.push(measuredRow(GROUP, `Zero residue per z.run, ${count} rows`, discarded!, null, { kind: 'none' }, 'heap Zero keeps after a one-shot z.run whose result was dropped (Zero holds the rows itself; every finder pays it)'));
  }
  return { group: GROUP, rows };
}
