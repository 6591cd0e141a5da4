/**
 * 1. ActiveRecord property access vs the same read on plain object literals with the same columns.
 * Each side gets its own compiled read loop (`ownFunction` in bench/harness/own-code.ts), so neither shares inline
 * caches with the other. Then what making those records costs: every finder makes one per row Zero returns.
 */
import { compareSync } from '../harness/sample.ts';
import { ownFunction } from '../harness/own-code.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { ActiveRecord, defineModel } from '../../runtime/index.ts';
import { instantiate } from '../../runtime/active/record.ts';
import { createBuilder } from '@rocicorp/zero';
import { activeJobs, benchZero, jobConfig, schema, seedJobs, plainJobs, type BenchZero } from '../fixtures/zero.ts';

const GROUP = '1 property access';
const GOAL = { kind: 'ratio', max: 1.1 } as const;

type Reader = (records: readonly Record<string, unknown>[], passes: number) => number;

// One column, the same at every iteration: the monomorphic fast path. A string column: a number column measures how
// V8 happens to represent that field (plain literals holding large numbers read ~5x slower than the records here).
const MONO = `let s = 0;
for (let p = 0; p < passes; p++) for (let i = 0; i < records.length; i++) s = (s + records[i].title.length) | 0;
return s;`;

// Five columns per record, one through a computed key: how a component or a report reads a record.
const MIXED = `const keys = ['title', 'status', 'country', 'client_id'];
let s = 0;
for (let p = 0; p < passes; p++) for (let i = 0; i < records.length; i++) {
  const r = records[i];
  s = (s + r.title.length + (r.status === null ? 0 : 1) + (r.priority ?? 0) + r.created_at + (r[keys[i & 3]] === null ? 0 : 1)) | 0;
}
return s;`;

/** A read loop of its own for one side of one case (ownFunction). */
function reader(body: string, label: string): Reader {
  return ownFunction<Reader>(label, ['records', 'passes'], body);
}

export async function run(mode: Mode): Promise<GroupResult> {
  const sizes = pick(mode, [1_000, 100_000], [1_000, 10_000]);
  const samples = pick(mode, 41, 11);
  const z = benchZero();
  await seedJobs(z, Math.max(...sizes));
  const Job = activeJobs(z);
  const rows = [];
  for (const size of sizes) {
    const records = (await Job.order('id').limit(size)) as unknown as Record<string, unknown>[];
    const plain = plainJobs(records);
    const passes = Math.max(1, Math.round(200_000 / size));
    for (const [kind, body] of [['monomorphic', MONO], ['mixed', MIXED]] as const) {
      const subjectRead = reader(body, `ActiveRecord, ${kind}, ${size}`);
      const baselineRead = reader(body, `plain object, ${kind}, ${size}`);
      const [subject, baseline] = compareSync(
        { label: 'ActiveRecord', run: () => subjectRead(records, passes) },
        { label: 'plain object', run: () => baselineRead(plain, passes) },
        { samples, warmup: 5, ops: size * passes, unit: 'ns/op' },
      );
      rows.push(measuredRow(GROUP, `${kind}, ${size.toLocaleString('en-US')} records`, subject, baseline, GOAL));
    }
  }
  rows.push(...(await recordMaking(z, samples)));
  return { group: GROUP, rows };
}

const MADE = 1_000;

/**
 * Records made from 1,000 of Zero's rows, as a finder makes them: with the generated column copy (the generator's
 * `columnCopy`, as every generated model has it) and with the runtime's copy (a hand-written config), each against the
 * `{ ...row }` a hand-written read would make.
 */
async function recordMaking(z: BenchZero, samples: number) {
  const generated = activeJobs(z).all();
  const handWritten = ActiveRecord.createModel(defineModel({ ...jobConfig(z), columnCopy: undefined })).all();
  const zeroRows = await z.run(createBuilder(schema).jobs.orderBy('id', 'asc').limit(MADE));
  const spread = ownFunction<(rows: readonly object[]) => object[]>('spread rows', ['rows'], 'return rows.map((row) => ({ ...row }));');
  const rows = [];
  for (const [label, relation] of [['generated column copy', generated], ['runtime column copy', handWritten]] as const) {
    const [subject, baseline] = compareSync(
      { label: `ActiveRecord, ${label}`, run: () => instantiate(relation, zeroRows) },
      { label: '{ ...row }', run: () => spread(zeroRows) },
      { samples, warmup: 50, ops: MADE, unit: 'ns/op' },
    );
    rows.push(measuredRow(GROUP, `making ${MADE.toLocaleString('en-US')} records from Zero's rows: ${label}`, subject, baseline, { kind: 'none' }, `op = one record; ${label === 'generated column copy' ? "the generator's columnCopy, as a generated model has it" : 'a hand-written config: the runtime copies the columns in a loop by name'}`));
  }
  return rows;
}
