/**
 * 8. Named-query reads (modern Zero): ActiveRecord finders whose model reads through its generated queries (`find(id)`
 * through the find query, whose argument is the bare id; the rest through the relation query: spec built, limit cap
 * checked, compiled to ZQL; the server validates what clients send) vs a hand-written `defineQuery` per read run with `z.run`, on the same local
 * Zero and data, interleaved (see `readBench` for the warm-up, the samples and the reading client).
 */
import { createBuilder, defineQueries, defineQuery } from '@rocicorp/zero';
import { ActiveRecord, defineModel, defineRelationQueries } from '../../runtime/index.ts';
import { measuredRow } from '../harness/rows.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { jobConfig, jobId, schema, readBench, type BenchZero, type ReadSide } from '../fixtures/zero.ts';

const GROUP = '8 named queries';
const GOAL = { kind: 'ratio', max: 1.1 } as const;

const zql = createBuilder(schema);
// What a team writes by hand on Zero 1.x: one named query per read, no validation beyond TypeScript.
const handWritten = defineQueries({
  jobById: defineQuery(({ args }: { args: string }) => zql.jobs.where('id', args).one()),
  recentJobsOfClient: defineQuery(({ args }: { args: string }) => zql.jobs.where('client_id', args).orderBy('created_at', 'desc').limit(10)),
  // The floor row: the same one-row query, its argument shaped like our relation spec instead of a bare id.
  jobBySpec: defineQuery(({ args }: { args: { where: { value: string } } }) => zql.jobs.where('id', args.where.value).one()),
});
/** `find(id)`'s relation spec as plain JSON (what a client sends; no Relation, no runtime mark). */
const findSpec = (id: string) => ({ where: { op: 'cmp', column: 'id', operator: '=', value: id }, limit: 1 });
const queries = defineRelationQueries(schema, { job: 'jobs' });

type Job = ReturnType<typeof namedJobs>;
const namedJobs = (z: BenchZero) => ActiveRecord.createModel(defineModel({ ...jobConfig(z), query: queries.job.relation, find: queries.job.find }));

export async function run(mode: Mode): Promise<GroupResult> {
  const bench = await readBench(mode);
  const jobs = `${bench.size.toLocaleString('en-US')} jobs`;
  const cases: Array<[string, string, (Job: Job) => ReadSide['read'], (z: BenchZero) => ReadSide['read']]> = [
    ['find(id)', 'jobById', (Job) => (i) => Job.find(jobId(i)), (z) => (i) => z.run(handWritten.jobById(jobId(i)) as never)],
    [
      'where + order + limit',
      'recentJobsOfClient',
      (Job) => (i) => Job.where({ client_id: `client-${i % 50}` }).order({ created_at: 'desc' }).limit(10).toArray(),
      (z) => (i) => z.run(handWritten.recentJobsOfClient(`client-${i % 50}`) as never),
    ],
  ];
  const rows = [];
  for (const [name, baselineName, subjectRead, baselineRead] of cases) {
    const z = await bench.reader();
    try {
      const [subject, baseline, paired] = await bench.compare(
        { label: 'ActiveRecord (named query)', read: subjectRead(namedJobs(z)) },
        { label: 'z.run defineQuery', read: baselineRead(z) },
      );
      rows.push(measuredRow(GROUP, `${name}, ${jobs}`, subject, baseline, GOAL, `baseline: z.run(queries.${baselineName}(arg)), hand-written defineQuery; ratio: median of interleaved pairs`, paired));
    } finally {
      await z.close();
    }
  }
  // Zero's own cost of the argument's shape: the same hand-written one-row query, asked with a spec-shaped argument. Zero
  // serializes and hashes a named query's arguments twice per run (the view's query ID, then the query manager's), so a
  // longer argument costs more there whoever builds it. find(id) reads through the model's find query, whose argument is
  // the bare id as here on the baseline side: this row is what that saves over sending find's relation spec.
  const z = await bench.reader();
  try {
    const [floor, bare, paired] = await bench.compare(
      { label: 'spec argument', read: (i) => z.run(handWritten.jobBySpec(findSpec(jobId(i))) as never) },
      { label: 'id argument', read: (i) => z.run(handWritten.jobById(jobId(i)) as never) },
    );
    rows.push(
      measuredRow(GROUP, `floor: Zero's cost of a spec-shaped argument (find), ${jobs}`, floor, bare, { kind: 'none' },
        'both hand-written defineQuery + z.run of the same one-row query; only the argument differs (a relation spec vs the id, which the find query sends); ratio: median of interleaved pairs', paired),
    );
  } finally {
    await z.close();
  }
  return { group: GROUP, rows };
}
