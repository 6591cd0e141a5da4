/** `zero-record rollback` against temp git projects migrated by the real CLI. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import { main as rollback } from '../../scripts/rollback.ts';
import { captureIO, makeProject, rewrittenFiles, treeHashes } from './project.ts';
import { waitUntil } from '../support/wait.ts';

const REPO = join(import.meta.dirname, '../..');
const MIGRATIONS = '.zero-record/migrations';

async function cli(command: typeof migrate, root: string, ...argv: string[]) {
  const io = captureIO(root);
  const code = await command(argv, io);
  return { code, out: io.out(), err: io.err() };
}

function onlyManifest(root: string): string {
  const files = readdirSync(join(root, MIGRATIONS));
  expect(files).toHaveLength(1);
  return join(root, MIGRATIONS, files[0]!);
}

describe('zero-record rollback', { timeout: 60_000 }, () => {
  it('restores every file byte-for-byte and --list shows the migration', async () => {
    const root = makeProject();
    const original = treeHashes(root);
    expect((await cli(migrate, root)).code).toBe(0);
    expect(treeHashes(root)).not.toEqual(original);
    const listed = await cli(rollback, root, '--list');
    expect(listed.out).toMatch(/\s5 files\s+applied\n$/);
    const undo = await cli(rollback, root);
    expect(undo.code).toBe(0);
    expect(undo.out).toContain('restored 5 files');
    expect(treeHashes(root)).toEqual(original);
    expect((await cli(rollback, root, '--list')).out).toMatch(/rolled back \d{4}-/);
    const nothing = await cli(rollback, root);
    expect(nothing.code).toBe(1);
    expect(nothing.err).toContain('no migration to roll back');
  });

  it('never overwrites a file changed since the migration unless --force, and lists it', async () => {
    const root = makeProject();
    const original = treeHashes(root);
    await cli(migrate, root);
    const edited = join(root, 'src/lib/components/JobDetail.svelte');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}<!-- edited after the migration -->\n`);
    const refused = await cli(rollback, root);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('NOT restored');
    expect(refused.err).toContain('src/lib/components/JobDetail.svelte');
    expect(readFileSync(edited, 'utf8')).toContain('edited after the migration');
    const partial = treeHashes(root);
    expect(partial['src/lib/components/TaskList.svelte']).toBe(original['src/lib/components/TaskList.svelte']);
    const forced = await cli(rollback, root, '--force');
    expect(forced.code).toBe(0);
    expect(treeHashes(root)).toEqual(original);
  });

  it('refuses manifest paths outside the root: ../, absolute, and through a symlinked folder', async () => {
    const root = makeProject();
    const outside = mkdtempSync(join(tmpdir(), 'zr-outside-'));
    writeFileSync(join(outside, 'victim.ts'), 'untouched\n');
    symlinkSync(outside, join(root, 'linked'));
    mkdirSync(join(root, MIGRATIONS), { recursive: true });
    const entry = (path: string) => ({ path, before: 'pwned\n', sha256Before: '0'.repeat(64), sha256After: '1'.repeat(64) });
    const manifest = {
      version: 1, id: 'evil', createdAt: new Date().toISOString(), command: 'hand-made', state: 'complete', rolledBackAt: null,
      files: [entry('src/lib/components/Header.svelte'), entry('../victim.ts'), entry(join(outside, 'victim.ts')), entry('linked/victim.ts')],
    };
    writeFileSync(join(root, MIGRATIONS, 'evil.json'), JSON.stringify(manifest));
    const before = treeHashes(root);
    const refused = await cli(rollback, root, 'evil', '--force');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('outside the project root');
    for (const path of ['../victim.ts', join(outside, 'victim.ts'), 'linked/victim.ts']) expect(refused.err).toContain(path);
    expect(readFileSync(join(outside, 'victim.ts'), 'utf8')).toBe('untouched\n');
    expect(treeHashes(root)).toEqual(before);
  });

  it('completes an interrupted run: SIGINT after the manifest appears, then rollback restores everything', async () => {
    const root = makeProject();
    const original = treeHashes(root);
    // Interruption is under test, not recognition: --syntactic keeps the (synchronous) TypeScript program out of it.
    const child = spawn(process.execPath, [join(REPO, 'bin/zero-record.mjs'), 'migrate', '--root', root, '--syntactic'], {
      cwd: root,
      env: { ...process.env, ZERO_RECORD_TEST_WRITE_DELAY_MS: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const manifestWritten = () => existsSync(join(root, MIGRATIONS)) && readdirSync(join(root, MIGRATIONS)).length > 0;
    await waitUntil('the manifest', () => {
      if (!manifestWritten()) throw new Error(`stderr so far: ${stderr}`);
    }, { timeoutMs: 30_000 });
    // Wait for the first rename to land so the run is really half-way (writes are 1 s apart).
    await waitUntil('the first rewritten file', () => {
      if (rewrittenFiles(root, original).length === 0) throw new Error(`stderr so far: ${stderr}`);
    }, { timeoutMs: 30_000 });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted after writing [1-4] of 5 files/);
    const manifest = JSON.parse(readFileSync(onlyManifest(root), 'utf8'));
    expect(manifest.state).toBe('writing');
    const midway = treeHashes(root);
    expect(midway).not.toEqual(original);
    const undo = await cli(rollback, root);
    expect(undo.code).toBe(0);
    expect(undo.out).toMatch(/already original/);
    expect(treeHashes(root)).toEqual(original);
  }, 60_000);
});
