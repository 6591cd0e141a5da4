/**
 * The end-to-end proof on both example legacy apps: their own tests pass on a copy, after `zero-record migrate`,
 * and again after `zero-record rollback`, which restores the copy byte for byte; a second run writes nothing and
 * the JSON report accounts for every legacy use. Real CLI processes, a real git repository, the apps' real tests
 * (local Zero, jsdom).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyOutput } from '../../codemods/verify.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { newErrors } from '../../codemods/typed/type-errors.ts';
import { commitAll, linkDependencies, treeHashes } from './project.ts';
import { svelteCheckErrors } from './svelte-check.ts';

const REPO = join(import.meta.dirname, '../..');

interface ExampleApp {
  readonly name: string;
  /** Runs the app's own tests against the copy at `appDir`. */
  readonly test: (appDir: string) => string[];
  readonly env: (appDir: string) => Record<string, string>;
  /** What the migration is pointed at, relative to the copy (its tests live outside it, or are excluded). */
  readonly migrate: string | null;
  readonly minChanged: number;
  /** Files that must come out byte-identical (unrelated `.current` reads and the like). */
  readonly untouched: readonly string[];
}

const APPS: readonly ExampleApp[] = [
  {
    name: 'legacy-app',
    test: () => ['run', '--silent', 'test:legacy-app'],
    env: (appDir) => ({ LEGACY_APP_DIR: appDir }),
    migrate: null,
    minChanged: 10,
    // The header's MediaQuery / fromStore / page, the search box's ref.
    untouched: ['src/lib/components/Header.svelte', 'src/lib/components/SearchBox.svelte', 'src/App.svelte'],
  },
  {
    name: 'legacy-context-app',
    // The copy's tests stay the repository's (examples/legacy-context-app/tests): only the app under `src` moves.
    test: () => ['exec', '--', 'vitest', 'run', '--config', 'examples/legacy-context-app/vitest.config.ts'],
    env: (appDir) => ({ CONTEXT_APP_DIR: appDir }),
    migrate: 'src',
    minChanged: 2,
    // Its router's `router.current` is not Zero.
    untouched: ['src/lib/router.svelte.ts'],
  },
];

function appTests(app: ExampleApp, appDir: string): { status: number | null; output: string } {
  const result = spawnSync('npm', app.test(appDir), { cwd: REPO, env: { ...process.env, ...app.env(appDir), CI: 'true' }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function cli(...argv: string[]) {
  const result = spawnSync(process.execPath, [join(REPO, 'bin/zero-record.mjs'), ...argv], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe.each(APPS)('migrating the example app $name', (app) => {
  it('keeps the app tests green and svelte-check with no new error after migrate, rollback is byte-identical, 0 unaccounted', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'zr-e2e-')), app.name);
    cpSync(join(REPO, 'examples', app.name), copy, { recursive: true, filter: (src) => !/[/\\](node_modules|\.zero-record)$/.test(src) });
    // Type-checkable where it lies: the runtime its tsconfig points at (`../../runtime`) and the repository's
    // dependencies, as an installed app has them.
    const tsconfig = join(copy, 'tsconfig.json');
    writeFileSync(tsconfig, readFileSync(tsconfig, 'utf8').replaceAll('"../../', `"${REPO}/`));
    linkDependencies(copy);
    writeFileSync(join(copy, '.gitignore'), 'node_modules\n');
    commitAll(copy);
    const original = treeHashes(copy);
    const paths = app.migrate ? [join(copy, app.migrate)] : [];

    const before = appTests(app, copy);
    expect(before.status, before.output).toBe(0);
    const typesBefore = svelteCheckErrors(copy);

    const run = cli('migrate', ...paths, '--root', copy, '--json');
    expect(run.status, run.err).toBe(0);
    const report = JSON.parse(run.out) as JsonReport;
    expect(report.files.filter((f) => f.status === 'changed').length).toBeGreaterThanOrEqual(app.minChanged);
    expect(report.summary.error).toBe(0);
    expect(report.legacyUses.recognition).toBe('type-directed');
    expect(report.legacyUses.unaccounted).toBe(0);
    expect(report.legacyUses.converted).toBeGreaterThan(0);
    // Nothing withdrawn by the migration's own type check: svelte-check below reads what the transforms wrote.
    expect(report.files.flatMap((f) => f.diagnostics).filter((d) => d.message.includes('type check:'))).toEqual([]);
    const migrated = treeHashes(copy);
    for (const path of report.files.map((f) => f.path).filter((path) => migrated[path] !== original[path])) {
      expect(verifyOutput(path, readFileSync(join(copy, path), 'utf8')), path).toBeNull();
    }
    for (const path of app.untouched) expect(migrated[path], path).toBe(original[path]);

    const after = appTests(app, copy);
    expect(after.status, after.output).toBe(0);
    // What a team's CI runs next: the migrated code type-checks as the legacy code did.
    expect(newErrors(typesBefore, svelteCheckErrors(copy)).map((e) => e.message)).toEqual([]);

    const again = cli('migrate', ...paths, '--root', copy, '--json', '--force');
    expect(again.status, again.err).toBe(0);
    const second = JSON.parse(again.out) as JsonReport;
    expect(second.summary.written).toBe(0);
    expect(second.legacyUses.unaccounted).toBe(0);

    const undo = cli('rollback', '--root', copy);
    expect(undo.status, undo.err).toBe(0);
    expect(treeHashes(copy)).toEqual(original);

    const restored = appTests(app, copy);
    expect(restored.status, restored.output).toBe(0);
  });
});
