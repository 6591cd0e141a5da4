/**
 * 5. Finder cost: ActiveRecord finders vs the equivalent hand-written ZQL through `z.run`, on the same local Zero
 * and data, interleaved (see `readBench` for the warm-up, the samples and the reading client).
 */
import { createBuilder } from '@rocicorp/zero';
import { measuredRow } from '../harness/rows.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { activeJobs, jobId, schema, readBench, type BenchZero } from '../fixtures/zero.ts';

const GROUP = '5 finders';
// Issue 17: find(id) and where + order + limit within 5% of hand-written ZQL; scope chains within 10%.
const GOAL = { kind: 'ratio', max: 1.05 } as const;
const SCOPE_GOAL = { kind: 'ratio', max: 1.1 } as const;

type Read = (i: number) => Promise<unknown>;

export async function run(mode: Mode): Promise<GroupResult> {
  const bench = await readBench(mode);
  const zql = createBuilder(schema);
  const cases: Array<[string, string, (Job: ReturnType<typeof activeJobs>) => Read, (z: BenchZero) => Read, typeof GOAL | typeof SCOPE_GOAL]> = [
    ['find(id)', `.where('id', id).one()`, (Job) => (i) => Job.find(jobId(i)), (z) => (i) => z.run(zql.jobs.where('id', jobId(i)).one()), GOAL],
    [
      'where + order + limit',
      `.where('client_id', c).orderBy('created_at', 'desc').limit(10)`,
      (Job) => (i) => Job.where({ client_id: `client-${i % 50}` }).order({ created_at: 'desc' }).limit(10).toArray(),
      (z) => (i) => z.run(zql.jobs.where('client_id', `client-${i % 50}`).orderBy('created_at', 'desc').limit(10)),
      GOAL,
    ],
    [
      'scope chain active.urgent.by_client.recent + limit',
      `.where(status).where(priority >=).where(client_id).orderBy(created_at).limit(10)`,
      (Job) => (i) => Job.active().urgent().by_client(`client-${i % 50}`).recent().limit(10).toArray(),
      (z) => (i) =>
        z.run(
          zql.jobs.where('status', 'active').where('priority', '>=', 3).where('client_id', `client-${i % 50}`).orderBy('created_at', 'desc').limit(10),
        ),
      SCOPE_GOAL,
    ],
  ];
  const rows = [];
  for (const [name, zqlText, subjectRead, baselineRead, goal] of cases) {
    const z = await bench.reader();
    try {
      const [subject, baseline, paired] = await bench.compare({ label: 'ActiveRecord', read: subjectRead(activeJobs(z)) }, { label: 'z.run ZQL', read: baselineRead(z) });
      rows.push(measuredRow(GROUP, `${name}, ${bench.size.toLocaleString('en-US')} jobs`, subject, baseline, goal, `baseline: z.run(zql.jobs${zqlText}); ratio: median of interleaved pairs`, paired));
    } finally {
      await z.close();
    }
  }
  // The least a finder that returns records adds to a hand-written read: one `.then` on Zero's promise, making an object
  // of the row's columns (an ActiveRecord record is such an object with a shared prototype).
  const z = await bench.reader();
  try {
    const find = (i: number) => z.run(zql.jobs.where('id', jobId(i)).one());
    const [floor, hand, paired] = await bench.compare(
      { label: 'z.run + .then copying the row', read: (i) => find(i).then((row) => (row ? { ...row } : null)) },
      { label: 'z.run ZQL', read: find },
    );
    rows.push(
      measuredRow(GROUP, `floor: one .then and a record-like object over find(id), ${bench.size.toLocaleString('en-US')} jobs`, floor, hand, { kind: 'none' },
        `baseline: z.run(zql.jobs.where('id', id).one()); subject: the same, then { ...row }; ratio: median of interleaved pairs`, paired),
    );
  } finally {
    await z.close();
  }
  return { group: GROUP, rows };
}
