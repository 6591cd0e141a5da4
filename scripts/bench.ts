/**
 * `zero-record bench [--check] [--only <group>[,<group>]]`
 *
 * Full mode (`npm run bench`): every benchmark group in its own child `node --expose-gc`, a table on stdout,
 * bench/results.json, bench/charts/*.svg and the table in docs/bench.md.
 * Check mode (`npm run bench:check`): fewer samples and smaller sizes, writes nothing, and exits 1 when a ratio
 * regresses past 3x its goal in two runs of its group in a row (one noisy run on a busy machine is not a regression;
 * absolute times never fail it) or a group crashes.
 */
import { availableParallelism, cpus } from 'node:os';
import { GROUPS, type GroupSpec } from '../bench/groups.ts';
import { runGroupInChild } from '../bench/harness/child.ts';
import { foldProcesses } from '../bench/harness/processes.ts';
import { checkVerdict, CHECK_MARGIN } from '../bench/harness/stats.ts';
import { renderTable } from '../bench/harness/table.ts';
import type { BenchResults, BenchRow, Mode } from '../bench/harness/types.ts';
import { writeReport } from '../bench/report.ts';

const USAGE = 'usage: zero-record bench [--check] [--only property-access,finders,...]';

function parse(argv: string[]): { check: boolean; only: string[] | null } | string {
  let check = false;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') check = true;
    else if (arg === '--only' && argv[i + 1]) only = argv[++i]!.split(',');
    else if (arg.startsWith('--only=')) only = arg.slice(7).split(',');
    else return `unknown argument ${JSON.stringify(arg)}\n${USAGE}`;
  }
  const unknown = only?.filter((id) => !GROUPS.some((g) => g.id === id)) ?? [];
  if (unknown.length) return `unknown group ${unknown.join(', ')}; groups: ${GROUPS.map((g) => g.id).join(', ')}`;
  return { check, only };
}

/** A row that passed in the second run replaces its first-run figure: only repeated regressions count. */
export function confirmRegressions(first: readonly BenchRow[], second: readonly BenchRow[]): BenchRow[] {
  return first.map((row) => {
    if (checkVerdict(row).status !== 'fail') return row;
    const again = second.find((r) => r.group === row.group && r.name === row.name);
    return again && checkVerdict(again).status !== 'fail' ? again : row;
  });
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\ngroups: ${GROUPS.map((g) => g.id).join(', ')}\n`);
    return 0;
  }
  const options = parse(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  const mode: Mode = options.check ? 'fast' : 'full';
  const groups = GROUPS.filter((g) => !options.only || options.only.includes(g.id));
  let rows: BenchRow[] = [];
  const crashed: string[] = [];
  const startedAt = new Date().toISOString();
  const runGroups = async (list: readonly GroupSpec[]) => {
    const out: BenchRow[] = [];
    for (const group of list) {
      // bench:check takes one process: it only guards against regressions past 3x the goal.
      const processes = mode === 'full' ? (group.processes ?? 1) : 1;
      process.stderr.write(`bench: ${group.title} (${mode}${processes > 1 ? `, ${processes} processes` : ''})...\n`);
      try {
        const results = [];
        for (let index = 0; index < processes; index++) results.push(await runGroupInChild(group, mode, index));
        out.push(...foldProcesses(results).rows);
      } catch (error) {
        crashed.push(`${group.title}: ${(error as Error).message}`);
      }
    }
    return out;
  };
  rows = await runGroups(groups);
  if (mode === 'fast') {
    const past = rows.filter((row) => checkVerdict(row).status === 'fail');
    const suspect = groups.filter((g) => past.some((row) => row.group === g.title));
    if (suspect.length) {
      // The first run's figures are replaced by the second's: said here, so a log shows what the noise was.
      for (const row of past) process.stderr.write(`bench:check: ${row.group}, ${row.name}: ${checkVerdict(row).reason}\n`);
      process.stderr.write(`bench:check: ${suspect.map((g) => g.id).join(', ')} past the margin; running again to tell a regression from noise\n`);
      rows = confirmRegressions(rows, await runGroups(suspect));
    }
  }
  process.stdout.write(`${renderTable(rows)}\n`);
  for (const message of crashed) process.stderr.write(`bench: FAILED ${message}\n`);

  if (mode === 'full') {
    const results: BenchResults = { mode, startedAt, node: process.versions.node, platform: `${process.platform}-${process.arch}`, cpus: availableParallelism?.() ?? cpus().length, rows };
    if (!options.only && crashed.length === 0) {
      for (const path of await writeReport(results, groups)) process.stderr.write(`bench: wrote ${path}\n`);
    } else {
      process.stderr.write('bench: results not written (a partial or failed run must not replace the full one)\n');
    }
    return crashed.length ? 1 : 0;
  }

  const failures = rows.map((row) => ({ row, verdict: checkVerdict(row) })).filter(({ verdict }) => verdict.status === 'fail');
  for (const { row, verdict } of failures) process.stderr.write(`bench:check: REGRESSION ${row.group}, ${row.name}: ${verdict.reason}\n`);
  const checked = rows.filter((row) => checkVerdict(row).status !== 'skip').length;
  process.stderr.write(`bench:check: ${checked} ratios checked against ${CHECK_MARGIN}x their goal, ${failures.length} regressed, ${crashed.length} groups failed\n`);
  return failures.length || crashed.length ? 1 : 0;
}
