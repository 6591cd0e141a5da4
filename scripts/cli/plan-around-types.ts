/**
 * Planning a run together with the type query. The query's one input to the planner is the legacy bindings it
 * found in each file (`PlanOptions.typed`, codemods/typed/bindings.ts), and a file it found none in plans exactly
 * as with no query at all. So where planning runs in worker threads, every file is planned without bindings while
 * this thread builds the TypeScript program and runs the query (synchronously, on one core: the workers have the
 * other), and afterwards only the files the query found bindings in are planned again, with them. Planned
 * in-process, the query comes first and each file is planned once.
 */
import type { FilePlan } from '../../codemods/index.ts';
import { planFiles, tick, type PlanRun } from './plan-files.ts';
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
  const untyped = { ...run.options, typed: {} };
  const early = run.threads > 0 ? planFiles({ ...run, options: untyped }) : null;
  // Awaited below: a worker failing while this thread is busy must not count as an unhandled rejection meanwhile.
  early?.catch(() => undefined);
  const first = recognise();
  // The program is built synchronously: a Ctrl-C during it is honoured as soon as it is done.
  await tick();
  const typed = first.recognition?.bindings ?? {};
  const options = { ...run.options, typed };
  if (!early) return { first, plans: run.interrupted() ? null : await planFiles({ ...run, options }) };
  const plans = await early;
  const again = run.files.filter((file) => typed[file]?.length);
  if (!plans || !again.length) return { first, plans };
  phase(`planning again the ${again.length} files the type query found legacy bindings in`);
  const replanned = await planFiles({ ...run, files: again, options });
  if (!replanned) return { first, plans: null };
  const index = new Map(run.files.map((file, i) => [file, i]));
  for (const plan of replanned) plans[index.get(plan.path)!] = plan;
  return { first, plans };
}
