/** `zero-record migrate` against temp git projects: real files, real git, the real planner. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import { verifyOutput } from '../../codemods/verify.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { PROJECT_FILES, captureIO, git, makeProject, treeHashes } from './project.ts';

async function run(root: string, ...argv: string[]) {
  const io = captureIO(root);
  const code = await migrate(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('zero-record migrate', { timeout: 60_000 }, () => {
  it('--dry prints unified diffs and the summary and writes nothing', async () => {
    const root = makeProject();
    const before = treeHashes(root, true);
    const { code, out, err } = await run(root, '--dry');
    expect(code).toBe(0);
    expect(treeHashes(root, true)).toEqual(before);
    expect(out).toContain('--- a/src/lib/components/JobDetail.svelte\n+++ b/src/lib/components/JobDetail.svelte');
    expect(out).toContain('+  const jobQuery = $derived(ReactiveJob.find_by({ id: jobId }));');
    expect(out).toMatch(/Summary: 9 files scanned: 4 changed, 2 manual \(1 of them partly converted\), 3 unchanged, 0 errors \(5 files to write\)\./);
    expect(out).toContain('src/lib/components/JobTablePage.svelte:10  jobsQuery is used as a value');
    expect(out).toContain('Dry run: nothing was written.');
    // Not a TTY: quiet progress lines on stderr, never on stdout.
    expect(err).toContain('zero-record: planning 9 files');
  });

  it('--json reports every scanned file with status and diagnostics, skipping node_modules and .gitignore d paths', async () => {
    const root = makeProject();
    const { code, out } = await run(root, '--dry', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as JsonReport;
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual([
      'src/lib/components/Board.svelte',
      'src/lib/components/Header.svelte',
      'src/lib/components/JobDetail.svelte',
      'src/lib/components/JobTablePage.svelte',
      'src/lib/components/TaskList.svelte',
      'src/lib/services/titles.ts',
      'src/lib/zero/index.ts',
      'src/routes/clients/[id]/+page.svelte',
      'svelte.config.js',
    ]);
    expect(byPath['src/lib/components/JobDetail.svelte']).toEqual({ path: 'src/lib/components/JobDetail.svelte', status: 'changed', diagnostics: [] });
    expect(byPath['src/lib/components/Header.svelte']!.status).toBe('unchanged');
    expect(byPath['src/lib/services/titles.ts']!.status).toBe('manual');
    expect(byPath['src/lib/services/titles.ts']!.diagnostics).toEqual([{ line: 21, message: expect.stringContaining('synchronous read of all') }]);
    expect(report.summary).toEqual({ scanned: 9, changed: 4, manual: 2, unchanged: 3, error: 0, written: 5 });
    expect(report.dry).toBe(true);
    expect(report.manifest).toBeNull();
    expect(report.missingModels).toEqual(['$lib/models/client.reactive', '$lib/models/job.active', '$lib/models/job.reactive', '$lib/models/task.reactive', '$lib/models/user.reactive']);
  });

  it('says which target model modules the project still lacks', async () => {
    const root = makeProject();
    mkdirSync(join(root, 'src/lib/models'), { recursive: true });
    writeFileSync(join(root, 'src/lib/models/job.reactive.ts'), 'export const ReactiveJob = {};\n');
    writeFileSync(join(root, 'src/lib/models/job.active.ts'), 'export const ActiveJob = {};\n');
    const { out } = await run(root, '--dry', '--only', 'src/lib/components/*.svelte');
    expect(out).toContain('Note: the migrated code imports model modules this project does not have yet: $lib/models/client.reactive, $lib/models/task.reactive, $lib/models/user.reactive.');
  });

  it('refuses to write imports through a `$lib` the project does not define (a plain Vite app), and migrates once targets say where the models are', async () => {
    const files = Object.fromEntries(Object.entries(PROJECT_FILES).filter(([path]) => !path.startsWith('src/routes/')));
    const root = makeProject({ ...files, 'package.json': JSON.stringify({ name: 'spa', private: true, type: 'module', devDependencies: { svelte: '^5.0.0', vite: '^7.0.0' } }) });
    const before = treeHashes(root, true);
    const dry = await run(root, '--dry');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Note: the migrated code imports its models as `$lib/models/client.reactive`, but this project does not define `$lib`');
    expect(dry.out).toContain('Without it, applying refuses.');
    // Not the note that says to generate the models into src/lib/models: that is not where they would resolve.
    expect(dry.out).not.toContain('Generate them (`zero-record generate --out src/lib/models`)');
    const report = JSON.parse((await run(root, '--dry', '--json')).out) as JsonReport;
    expect(report.targetsProblem).toMatch(/^the migrated code imports its models as `\$lib\/models\/client\.reactive`/);
    expect(report.missingModels).toEqual([]);
    const applied = await run(root);
    expect(applied.code).toBe(2);
    expect(applied.err).toContain('refusing to migrate: the migrated code imports its models as `$lib/models/client.reactive`');
    expect(applied.err).toContain('Set "targets" in zero-record.config.json');
    expect(applied.err).toContain('Nothing was written.');
    expect(treeHashes(root, true)).toEqual(before);

    writeFileSync(join(root, 'zero-record.config.json'), JSON.stringify({ targets: { reactive: '@/models/{model}.reactive', active: '@/models/{model}.active' } }));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'targets');
    const configured = await run(root, '--json');
    expect(configured.code, configured.err).toBe(0);
    expect((JSON.parse(configured.out) as JsonReport).targetsProblem).toBeNull();
    expect(readFileSync(join(root, 'src/lib/components/JobDetail.svelte'), 'utf8')).toContain("import { ReactiveJob } from '@/models/job.reactive';");
  });

  it('writes the manifest first, leaves every changed file valid, and a second run changes nothing', async () => {
    const root = makeProject();
    const original = treeHashes(root);
    const first = await run(root, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as JsonReport;
    expect(report.manifest).toMatch(/^\.zero-record\/migrations\/.+\.json$/);
    const manifest = JSON.parse(readFileSync(join(root, report.manifest!), 'utf8'));
    expect(manifest.state).toBe('complete');
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      report.files.filter((f) => f.status === 'changed' || f.path === 'src/lib/services/titles.ts').map((f) => f.path).sort(),
    );
    const now = treeHashes(root);
    for (const entry of manifest.files as { path: string; before: string; sha256Before: string; sha256After: string }[]) {
      expect(original[entry.path]).toBe(entry.sha256Before);
      expect(now[entry.path]).toBe(entry.sha256After);
      expect(verifyOutput(entry.path, readFileSync(join(root, entry.path), 'utf8'))).toBeNull();
    }
    expect(now['src/lib/components/Header.svelte']).toBe(original['src/lib/components/Header.svelte']);

    git(root, 'add', '-A');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'migrated');
    const migrated = treeHashes(root);
    const second = await run(root, '--json');
    expect(second.code).toBe(0);
    const again = JSON.parse(second.out) as JsonReport;
    expect(again.summary.written).toBe(0);
    expect(again.summary.changed).toBe(0);
    expect(again.manifest).toBeNull();
    expect(treeHashes(root)).toEqual(migrated);
  });

  it('refuses a dirty git tree and says why, unless --force', async () => {
    const root = makeProject();
    writeFileSync(join(root, 'src/lib/components/Header.svelte'), '<p>local edit</p>\n');
    const before = treeHashes(root, true);
    const refused = await run(root);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('uncommitted changes');
    expect(refused.err).toContain('src/lib/components/Header.svelte');
    expect(refused.err).toContain('--force');
    expect(treeHashes(root, true)).toEqual(before);
    const forced = await run(root, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, 'src/lib/components/JobDetail.svelte'), 'utf8')).toContain('ReactiveJob.find_by');
  });

  it('--only and --model narrow the migration', async () => {
    const root = makeProject();
    const only = JSON.parse((await run(root, '--dry', '--json', '--only', 'src/routes/**')).out) as JsonReport;
    expect(only.files.map((f) => f.path)).toEqual(['src/routes/clients/[id]/+page.svelte']);
    const model = JSON.parse((await run(root, '--dry', '--json', '--model', 'Client')).out) as JsonReport;
    const changed = model.files.filter((f) => f.status === 'changed').map((f) => f.path);
    // Board.svelte holds a jobs, a clients and a users query: only the clients one moves.
    expect(changed).toEqual(['src/lib/components/Board.svelte', 'src/routes/clients/[id]/+page.svelte']);
    const board = await run(root, '--dry', '--model', 'Client', '--only', 'src/lib/components/Board.svelte');
    expect(board.out).toContain('+  const clients = ReactiveClient.all();');
    expect(board.out).toContain('   const jobs = new ReactiveQuery(() => getZero()?.query.jobs, [], \'5m\');');
  });

  it('rejects bad input with typed, specific messages', async () => {
    const root = makeProject();
    const flag = await run(root, '--dyr');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("unknown flag '--dyr'");
    const outside = await run(root, '--dry', '../');
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('is outside the project root');
    const model = await run(root, '--dry', '--model', 'jobs');
    expect(model.code).toBe(2);
    expect(model.err).toContain('--model takes a class name');
    writeFileSync(join(root, 'zero-record.config.json'), JSON.stringify({ legacyClassModules: 'reactive-query', targets: { reactive: '$lib/x' }, colour: 1, defaultTtl: 5 }));
    const config = await run(root, '--dry');
    expect(config.code).toBe(2);
    expect(config.err).toContain('has 4 problems');
    for (const part of ['"legacyClassModules" must be an array', '"targets.reactive" must be a string containing {model}', 'unknown key "colour"', '"defaultTtl" must be a TTL string']) {
      expect(config.err).toContain(part);
    }
  });

  it('honours zero-record.config.json: model names and target paths', async () => {
    const root = makeProject();
    // With the generator's section beside it, as `zero-record generate` asks to save its settings in the same file.
    writeFileSync(join(root, 'zero-record.config.json'), JSON.stringify({ models: { jobs: 'WorkOrder' }, targets: { reactive: '$lib/records/{Model}.svelte' }, generate: { from: '../rails', out: 'src/lib/records' } }));
    const { out } = await run(root, '--dry', '--only', 'src/lib/components/JobDetail.svelte');
    expect(out).toContain("+  import { ReactiveWorkOrder } from '$lib/records/WorkOrder.svelte';");
    expect(out).toContain('ReactiveWorkOrder.find_by({ id: jobId })');
  });

  it('--help says where the default root is', async () => {
    const { code, out } = await run(process.cwd(), '--help');
    expect(code).toBe(0);
    expect(out).toContain('examples/legacy-app');
    expect(readdirSync(process.cwd())).not.toContain('.zero-record-should-not-exist');
    expect(existsSync(join(process.cwd(), 'examples/legacy-app/.zero-record'))).toBe(false);
  });
});
