/**
 * 6. Codemod throughput on a generated legacy app (70% .ts, 30% .svelte): planning every file (`planFile`, what
 * `migrate` does per file) vs the floor, bare jscodeshift parse + print with a no-op transform (for .svelte, of the
 * instance script that svelte/compiler's parser locates). Plus the wall time of the whole `migrate --dry` CLI run
 * (type-directed: TypeScript program, completeness pass and the type check of the output included), and its ratios
 * to `migrate --dry --no-verify-types` and `migrate --dry --syntactic`.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jscodeshift from 'jscodeshift';
import { parse } from 'svelte/compiler';
import { planFile } from '../../codemods/index.ts';
import { compareSync, timeAsync } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { generateCorpus, writeCorpus, type CorpusFile } from '../fixtures/corpus.ts';

const GROUP = '6 codemod throughput';
const CLI = fileURLToPath(new URL('../../bin/zero-record.mjs', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/legacy-app', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const j = jscodeshift.withParser('ts');

class CorpusNotMigratedError extends Error {
  override name = 'CorpusNotMigratedError';
}

/** The floor: parse and print with no transform. */
function floor(file: CorpusFile): string {
  if (!file.path.endsWith('.svelte')) return j(file.source).toSource();
  const ast = parse(file.source, { modern: true });
  const script = ast.instance?.content as { start: number; end: number } | undefined;
  return script ? j(file.source.slice(script.start, script.end)).toSource() : '';
}

/** The JSON report of `migrate --dry` on `root`. */
function migrateDry(root: string, ...flags: string[]): Promise<JsonReport> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [CLI, 'migrate', '--dry', '--json', '--root', root, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 1 ? done(JSON.parse(stdout) as JsonReport) : reject(new Error(`migrate --dry exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

/**
 * The example app's legacy modules (legacy types to find), its generated models (so the output is type-checked) and
 * its tsconfig with the runtime's paths made absolute, and this repository's dependencies.
 */
async function installApp(root: string): Promise<void> {
  await cp(join(EXAMPLE, 'src/lib/zero'), join(root, 'src/lib/zero'), { recursive: true });
  await cp(join(EXAMPLE, 'src/lib/models'), join(root, 'src/lib/models'), { recursive: true });
  const tsconfig = JSON.parse(await readFile(join(EXAMPLE, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  const paths = tsconfig.compilerOptions.paths;
  for (const [name, targets] of Object.entries(paths)) paths[name] = targets.map((t) => (t.startsWith('../') ? resolve(EXAMPLE, t) : t));
  await writeFile(join(root, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  await symlink(NODE_MODULES, join(root, 'node_modules'), 'dir');
}

/** A withdrawal by the type check, or models missing, would time a migration that checked less than it should. */
function checkedEveryFile(report: JsonReport, changed: number): void {
  const withdrawn = report.files.flatMap((f) => f.diagnostics.filter((d) => d.message.includes('type check:')).map((d) => `${f.path}:${d.line} ${d.message}`));
  if (report.missingModels.length || withdrawn.length || report.summary.changed !== changed)
    throw new CorpusNotMigratedError(`the corpus did not migrate cleanly under the type check (missing models: ${report.missingModels.join(', ') || 'none'}; ${report.summary.changed} of ${changed} files changed): ${withdrawn.slice(0, 3).join('; ')}`);
}

export async function run(mode: Mode): Promise<GroupResult> {
  const count = pick(mode, 1_000, 50);
  const files = generateCorpus(count);
  const planned = files.map((file) => planFile(file.path, file.source));
  const changed = planned.filter((plan) => plan.status === 'changed').length;
  if (changed === 0) throw new CorpusNotMigratedError('no corpus file was migrated: the benchmark would time parsing only; check the corpus against the codemods');

  const [subject, baseline] = compareSync(
    { label: 'planFile', run: () => files.map((file) => planFile(file.path, file.source).after.length).reduce((a, b) => a + b, 0) },
    { label: 'jscodeshift no-op', run: () => files.map((file) => floor(file).length).reduce((a, b) => a + b, 0) },
    { samples: pick(mode, 3, 2), warmup: 1, ops: files.length, unit: 'us/file' },
  );
  const rows = [
    measuredRow(GROUP, `${count.toLocaleString('en-US')} files, one thread`, subject, baseline, { kind: 'ratio', max: 1.5 }, `${changed} of ${count} files changed, the rest unchanged or manual`),
  ];

  // The CLI's wall time is an absolute figure: reported by the full run only (the fast check gates ratios alone).
  if (mode === 'fast') return { group: GROUP, rows };
  const root = await mkdtemp(join(tmpdir(), 'zero-record-corpus-'));
  try {
    await writeCorpus(root, files);
    await installApp(root);
    let report: JsonReport | undefined;
    const typed = await timeAsync('migrate --dry', async () => (report = await migrateDry(root)), { samples: 1, warmup: 0, unit: 'ms' });
    checkedEveryFile(report!, changed);
    const unchecked = await timeAsync('migrate --dry --no-verify-types', () => migrateDry(root, '--no-verify-types'), { samples: 1, warmup: 0, unit: 'ms' });
    const syntactic = await timeAsync('migrate --dry --syntactic', () => migrateDry(root, '--syntactic'), { samples: 1, warmup: 0, unit: 'ms' });
    const n = count.toLocaleString('en-US');
    rows.push(
      measuredRow(GROUP, `whole migrate --dry, ${n} files, type-directed`, typed, null, { kind: 'absolute', max: 20_000, unit: 'ms' }, `CLI wall time including node start-up: TypeScript program, planning, completeness pass, and the type check of the ${changed} changed files against the generated models`),
      measuredRow(GROUP, `type check of the output, migrate --dry vs --no-verify-types, ${n} files`, typed, unchecked, { kind: 'none' }, 'what checking the migrated files for new type errors (the default) costs'),
      measuredRow(GROUP, `type-directed vs --syntactic migrate --dry, ${n} files`, typed, syntactic, { kind: 'none' }, 'what recognition by type costs over import-specifier recognition alone'),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { group: GROUP, rows };
}
