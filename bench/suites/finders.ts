/**
 * 5. Finder cost: ActiveRecord finders vs the equivalent hand-written ZQL through `z.run`, on the same local Zero
 * and data, interleaved. Each iteration asks for a different id / client so neither side answers from a warm path
 * the other does not get.
 */
import { createBuilder } from '@rocicorp/zero';
import { compareAsync } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { activeJobs, jobId, schema, readBench } from '../fixtures/zero.ts';

const GROUP = '5 finders';
// Issue 17: find(id) and where + order + limit within 5% of hand-written ZQL; scope chains within 10%.
const GOAL = { kind: 'ratio', max: 1.05 } as const;
const SCOPE_GOAL = { kind: 'ratio', max: 1.1 } as const;

export async function run(mode: Mode): Promise<GroupResult> {
  const { z, size, samples, ops, next } = await readBench(mode);
  const Job = activeJobs(z);
  const zql = createBuilder(schema);
  let a = 0;
  let b = 0;
  const repeat = async (work: (i: number) => Promise<unknown>, start: number) => {
    let total = 0;
    for (let k = 0; k < ops; k++) {
      const result = await work(next(start + k));
      total += Array.isArray(result) ? result.length : result ? 1 : 0;
    }
    return total;
  };
  const cases: Array<[string, string, (i: number) => Promise<unknown>, (i: number) => Promise<unknown>, typeof GOAL | typeof SCOPE_GOAL]> = [
    ['find(id)', `.where('id', id).one()`, (i) => Job.find(jobId(i)), (i) => z.run(zql.jobs.where('id', jobId(i)).one()), GOAL],
    [
      'where + order + limit',
      `.where('client_id', c).orderBy('created_at', 'desc').limit(10)`,
      (i) => Job.where({ client_id: `client-${i % 50}` }).order({ created_at: 'desc' }).limit(10).toArray(),
      (i) => z.run(zql.jobs.where('client_id', `client-${i % 50}`).orderBy('created_at', 'desc').limit(10)),
      GOAL,
    ],
    [
      'scope chain active.urgent.by_client.recent + limit',
      `.where(status).where(priority >=).where(client_id).orderBy(created_at).limit(10)`,
      (i) => Job.active().urgent().by_client(`client-${i % 50}`).recent().limit(10).toArray(),
      (i) =>
        z.run(
          zql.jobs.where('status', 'active').where('priority', '>=', 3).where('client_id', `client-${i % 50}`).orderBy('created_at', 'desc').limit(10),
        ),
      SCOPE_GOAL,
    ],
  ];
  const rows = [];
  for (const [name, zqlText, subjectWork, baselineWork, goal] of cases) {
    const [subject, baseline] = await compareAsync(
      { label: 'ActiveRecord', run: () => repeat(subjectWork, (a += ops)) },
      { label: 'z.run ZQL', run: () => repeat(baselineWork, (b += ops)) },
      { samples, warmup: 3, ops, unit: 'us/op' },
    );
    rows.push(measuredRow(GROUP, `${name}, ${size.toLocaleString('en-US')} jobs`, subject, baseline, goal, `baseline: z.run(zql.jobs${zqlText})`));
  }
  return { group: GROUP, rows };
}
