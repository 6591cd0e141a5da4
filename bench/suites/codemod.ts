/**
 * 6. Codemod throughput on a generated legacy app (70% .ts, 30% .svelte): planning every file (`planFile`, what
 * `migrate` does per file) vs the floor, bare jscodeshift parse + print with a no-op transform (for .svelte, of the
 * instance script that svelte/compiler's parser locates). Plus the wall time of the whole `migrate --dry` CLI run
 * (type-directed: TypeScript program and completeness pass included), and its ratio to `migrate --dry --syntactic`.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jscodeshift from 'jscodeshift';
import { parse } from 'svelte/compiler';
import { planFile } from '../../codemods/index.ts';
import { compareSync, timeAsync } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { generateCorpus, writeCorpus, type CorpusFile } from '../fixtures/corpus.ts';

const GROUP = '6 codemod throughput';
const CLI = fileURLToPath(new URL('../../bin/zero-record.mjs', import.meta.url));
const LEGACY_MODULES = fileURLToPath(new URL('../../examples/legacy-app/src/lib/zero', import.meta.url));
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

function migrateDry(root: string, ...flags: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'migrate', '--dry', '--root', root, ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 || code === 1 ? resolve(code) : reject(new Error(`migrate --dry exited with ${code}: ${stderr.slice(-2000)}`))));
  });
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
    // The app's legacy modules (the example app's), so the type-directed run has legacy types to find.
    await cp(LEGACY_MODULES, join(root, 'src/lib/zero'), { recursive: true });
    const typed = await timeAsync('migrate --dry', () => migrateDry(root), { samples: 1, warmup: 0, unit: 'ms' });
    const syntactic = await timeAsync('migrate --dry --syntactic', () => migrateDry(root, '--syntactic'), { samples: 1, warmup: 0, unit: 'ms' });
    rows.push(
      measuredRow(GROUP, `whole migrate --dry, ${count.toLocaleString('en-US')} files, type-directed`, typed, null, { kind: 'absolute', max: 20_000, unit: 'ms' }, 'CLI wall time including node start-up: TypeScript program, planning, completeness pass (the corpus has no generated models, so the type check of the output passes over its files)'),
      measuredRow(GROUP, `type-directed vs --syntactic migrate --dry, ${count.toLocaleString('en-US')} files`, typed, syntactic, { kind: 'none' }, 'what recognition by type costs over import-specifier recognition alone'),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { group: GROUP, rows };
}
