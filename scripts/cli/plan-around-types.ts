/**
 * Planning a run together with the type query. The query's one input to the planner is the legacy bindings it
 * found in each file (`PlanOptions.typed`, codemods/typed/bindings.ts), and a file it found none in plans exactly
 * as with no query at all. So where planning runs in worker threads, one worker plans files without bindings
 * while this thread builds the TypeScript program and runs the query (synchronously, on one core, the critical
 * path: a second planning thread beside it on 2 cores took CPU from it and made the whole run slower). Once the
 * query is done that worker stops claiming files, and every worker plans, with the bindings, the files not
 * planned yet and those the query found bindings in. Planned in-process, the query comes first and each file is
 * planned once.
 */
import type { FilePlan } from '../../codemods/index.ts';
import { planFiles, planFilesUntil, tick, type PlanRun } from './plan-files.ts';
import type { FirstPass } from './typed-pass.ts';

export interface PlannedRun {
  readonly first: FirstPass;
  /** In the order of the run's files; null when interrupted. */
  readonly plans: FilePlan[] | null;
}

/**
 * `recognise` is the first type-directed pass (`recogniseApp`); `phase` announces the second planning round.
 * The run's own `typed` option is ignored: the bindings come from `recognise`.
 */
export async function planAroundTypes(run: PlanRun, recognise: () => FirstPass, phase: (text: string) => void): Promise<PlannedRun> {
  let queried = () => {};
  const untilQueried = new Promise<void>((done) => (queried = done));
  const early = run.threads > 0 ? planFilesUntil({ ...run, threads: 1, options: { ...run.options, typed: {} } }, untilQueried) : null;
  // Awaited below: a worker failing while this thread is busy must not count as an unhandled rejection meanwhile.
  early?.catch(() => undefined);
  const first = recognise();
  queried();
  // The program is built synchronously: a Ctrl-C during it is honoured as soon as it is done.
  await tick();
  const typed = first.recognition?.bindings ?? {};
  const options = { ...run.options, typed };
  if (!early) return { first, plans: run.interrupted() ? null : await planFiles({ ...run, options }) };
  const planned = await early;
  if (!planned || run.interrupted()) return { first, plans: null };
  const left = run.files.filter((file, i) => !planned[i] || typed[file]?.length);
  const bound = left.filter((file) => typed[file]?.length).length;
  if (left.length) phase(`planning ${left.length} files with the type query's bindings (${bound} in which it found some, ${left.length - bound} not planned yet)`);
  const rest = left.length ? await planFiles({ ...run, files: left, options }) : [];
  if (!rest) return { first, plans: null };
  const index = new Map(run.files.map((file, i) => [file, i]));
  for (const plan of rest) planned[index.get(plan.path)!] = plan;
  // Every file is planned now: in the first round or in this one.
  return { first, plans: planned as FilePlan[] };
}
