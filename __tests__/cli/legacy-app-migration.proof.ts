/**
 * The end-to-end proof on the example legacy app: its own tests pass on a copy, after `zero-record migrate`,
 * and again after `zero-record rollback`, which restores the copy byte for byte. Real CLI processes, a real git
 * repository, the app's real component tests (local Zero, jsdom).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyOutput } from '../../codemods/verify.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { git, treeHashes } from './project.ts';

const REPO = join(import.meta.dirname, '../..');
const APP = join(REPO, 'examples/legacy-app');

function appTests(appDir: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '--silent', 'test:legacy-app'], {
    cwd: REPO,
    env: { ...process.env, LEGACY_APP_DIR: appDir, CI: 'true' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function cli(...argv: string[]) {
  const result = spawnSync(process.execPath, [join(REPO, 'bin/zero-record.mjs'), ...argv], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('migrating the example legacy app', () => {
  it('keeps the app tests green after migrate and after rollback, and rollback is byte-identical', () => {
    const app = join(mkdtempSync(join(tmpdir(), 'zr-e2e-')), 'legacy-app');
    cpSync(APP, app, { recursive: true, filter: (src) => !/[/\\](node_modules|\.zero-record)$/.test(src) });
    git(app, 'init', '-q');
    git(app, 'add', '-A');
    git(app, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'legacy app');
    const original = treeHashes(app);

    const before = appTests(app);
    expect(before.status, before.output).toBe(0);

    const run = cli('migrate', '--root', app, '--json');
    expect(run.status, run.err).toBe(0);
    const report = JSON.parse(run.out) as JsonReport;
    const changed = report.files.filter((f) => f.status === 'changed').map((f) => f.path);
    expect(changed.length).toBeGreaterThanOrEqual(10);
    expect(report.summary.error).toBe(0);
    const migrated = treeHashes(app);
    for (const path of report.files.map((f) => f.path).filter((path) => migrated[path] !== original[path])) {
      expect(verifyOutput(path, readFileSync(join(app, path), 'utf8')), path).toBeNull();
    }
    // Unrelated `.current` reads stay: the header's MediaQuery / fromStore / page, the search box's ref.
    for (const path of ['src/lib/components/Header.svelte', 'src/lib/components/SearchBox.svelte', 'src/App.svelte']) {
      expect(migrated[path], path).toBe(original[path]);
    }

    const after = appTests(app);
    expect(after.status, after.output).toBe(0);

    const again = cli('migrate', '--root', app, '--json', '--force');
    expect(again.status, again.err).toBe(0);
    expect((JSON.parse(again.out) as JsonReport).summary.written).toBe(0);

    const undo = cli('rollback', '--root', app);
    expect(undo.status, undo.err).toBe(0);
    expect(treeHashes(app)).toEqual(original);

    const restored = appTests(app);
    expect(restored.status, restored.output).toBe(0);
  });
});
