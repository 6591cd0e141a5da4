/**
 * A SvelteKit app as `svelte-kit sync` leaves it: tsconfig.json extends `.svelte-kit/tsconfig.json`, whose `$lib`
 * paths are relative to that folder. Components imported through `$lib` must join the type program (a component's
 * `<script module>` exports carry legacy values to their importers), and a route whose `./$types` does not resolve
 * (no sync yet) must be named in the report rather than counted as complete. After a real `svelte-kit sync`, the
 * handles a `load` returns are followed into the page's `data` through SvelteKit's own types when the app has them
 * installed, and the route is named when it has not. Upserts convert only where the id is certain.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { captureIO, makeProject, RUNES_CONFIG } from './project.ts';

const LEGACY_CLASS = readFileSync(join(import.meta.dirname, '../../__testfixtures__/typed-app/src/lib/zero/reactive-query.svelte.ts'), 'utf8');

const FILES: Record<string, string> = {
  'svelte.config.js': RUNES_CONFIG,
  'tsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json', compilerOptions: { strict: true, moduleResolution: 'bundler' } }),
  '.svelte-kit/tsconfig.json': JSON.stringify({
    compilerOptions: { paths: { $lib: ['../src/lib'], '$lib/*': ['../src/lib/*'] }, rootDirs: ['..', './types'], moduleResolution: 'bundler', module: 'esnext', target: 'esnext', noEmit: true },
    include: ['../src/**/*.ts', '../src/**/*.svelte'],
  }),
  'src/lib/zero/reactive-query.svelte.ts': LEGACY_CLASS,
  'src/lib/zero/client.ts': 'export function getZero(): any { return undefined; }\n',
  'src/lib/components/OpenJobs.svelte': `<script module lang="ts">
  import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
  import { getZero } from '$lib/zero/client';
  export const openJobs = new ReactiveQuery<{ id: string; title: string }>(() => getZero()?.query.jobs.where('status', 'open') ?? null, [], '5m');
</script>

<p>{openJobs.current.length} open</p>
`,
  'src/routes/jobs/+page.svelte': `<script lang="ts">
  import OpenJobs, { openJobs } from '$lib/components/OpenJobs.svelte';
  const titles = $derived(openJobs.data.map((job) => job.title));
</script>

<OpenJobs />
<p>{titles.join(', ')}</p>
`,
  'src/lib/zero/job.generated.ts': `export interface Job { id: string; title: string }
export async function upsertJob(data: Job): Promise<void> { void data; }
export const Job = {
  find(id: string) {
    return { current: null as Job | null, id, destroy(): void {} };
  },
};
`,
  'src/lib/zero/task.generated.ts': `export interface Task { id: string; title: string }
/** This app's generated upsert makes up a missing id. */
export async function upsertTask(data: Omit<Task, 'id'> & { id?: string }): Promise<void> { void data; }
`,
  // A handle type in a module of its own, which imports no legacy class: legacy because model objects return it.
  'src/lib/zero/handle.ts': `export interface ModelHandle<T> {
  readonly current: T;
  destroy(): void;
}
`,
  'src/lib/zero/room.generated.ts': `import type { ModelHandle } from './handle';
export interface Room { id: string; name: string }
export const Room = {
  find(id: string): ModelHandle<Room | null> {
    return { current: { id, name: '' }, destroy() {} };
  },
};
`,
  'src/lib/components/RoomName.svelte': `<script lang="ts">
  import type { ModelHandle } from '$lib/zero/handle';
  import type { Room } from '$lib/zero/room.generated';
  let { room }: { room: ModelHandle<Room | null> } = $props();
</script>

<span>{room.current?.name}</span>
`,
  'src/lib/restore.ts': `import { upsertJob, type Job } from '$lib/zero/job.generated';
import { upsertTask, type Task } from '$lib/zero/task.generated';

export async function restore(job: Job, task: Task): Promise<void> {
  await upsertJob(job);
  await upsertTask(task);
}
`,
  'src/routes/clients/[id]/+page.svelte': `<script lang="ts">
  import type { PageProps } from './$types';
  let { data }: PageProps = $props();
</script>

<h1>{data.client.current?.name}</h1>
`,
};

describe('a SvelteKit project after svelte-kit sync', { timeout: 180_000 }, () => {
  let report: JsonReport;
  let text: string;

  beforeAll(async () => {
    const root = makeProject(FILES);
    const json = captureIO(root);
    expect(await migrate(['--dry', '--json'], json), json.err()).toBe(0);
    report = JSON.parse(json.out()) as JsonReport;
    const human = captureIO(root);
    expect(await migrate(['--dry'], human), human.err()).toBe(0);
    text = human.out();
  });

  const diagnostics = (path: string) => report.files.find((f) => f.path === path)?.diagnostics ?? [];

  it("types a component's module exports where they are imported through $lib", () => {
    expect(report.legacyUses.recognition).toBe('type-directed');
    // `openJobs.data` on line 3 of the page: a legacy query that came out of OpenJobs.svelte's <script module>.
    expect(diagnostics('src/routes/jobs/+page.svelte').map((d) => d.line)).toContain(3);
    expect(diagnostics('src/lib/components/OpenJobs.svelte').some((d) => d.message.includes('openJobs is exported'))).toBe(true);
    expect(report.legacyUses.unaccounted).toBe(0);
  });

  it('counts a handle whose type lives in a module of its own, where a component receives it', () => {
    const room = report.files.find((f) => f.path === 'src/lib/components/RoomName.svelte')!;
    expect(room.diagnostics.map((d) => d.line)).toEqual([2, 4, 7]);
    expect(room.diagnostics[2]!.message).toContain('`room`: legacy ModelHandle from src/lib/zero/handle.ts');
  });

  it("converts an upsert whose legacy type requires the id, and reports one whose id may be made up", () => {
    const restore = report.files.find((f) => f.path === 'src/lib/restore.ts')!;
    // Its import stays for the call left as it is.
    expect(restore.diagnostics.map((d) => d.line)).toEqual([2, 6]);
    expect(restore.diagnostics[1]!.message).toContain('upsertTask(...) without an id in sight: ActiveTask.upsert() needs the primary key');
    expect(text).toContain('+  await ActiveJob.upsert(job);');
  });

  it('names a route whose ./$types does not resolve, and how to make it resolve', () => {
    expect(report.legacyUses.unresolved).toEqual([{ path: 'src/routes/clients/[id]/+page.svelte', imports: ['./$types'] }]);
    expect(text).toContain('src/routes/clients/[id]/+page.svelte: imports ./$types, which does not resolve');
    expect(text).toContain('npx svelte-kit sync');
  });
});

/** A route whose `load` returns a legacy handle, read through `data` in the page, typed by `./$types`. */
const ROUTE: Record<string, string> = {
  '.gitignore': 'node_modules\n/.svelte-kit\n',
  'svelte.config.js': RUNES_CONFIG.replace('export default {', 'export default {\n  kit: {},'),
  'package.json': JSON.stringify({ name: 'synced', private: true, type: 'module' }),
  'tsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json', compilerOptions: { strict: true } }),
  'src/lib/zero/reactive-query.svelte.ts': LEGACY_CLASS,
  'src/lib/zero/job.generated.ts': FILES['src/lib/zero/job.generated.ts']!,
  'src/routes/jobs/[id]/+page.ts': `import { Job } from '$lib/zero/job.generated';

export function load({ params }: { params: { id: string } }) {
  return { job: Job.find(params.id) };
}
`,
  'src/routes/jobs/[id]/+page.svelte': `<script lang="ts">
  import type { PageProps } from './$types';
  let { data }: PageProps = $props();
</script>

<h1>{data.job.current?.title}</h1>
`,
};

describe('load data after a real svelte-kit sync', { timeout: 180_000 }, () => {
  const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
  let synced: string;

  beforeAll(() => {
    synced = makeProject(ROUTE);
    // The app's own dependencies, as after its `npm install`: this repository's, which hold SvelteKit.
    symlinkSync(join(kit, '../..'), join(synced, 'node_modules'));
    execFileSync(process.execPath, [join(kit, 'svelte-kit.js'), 'sync'], { cwd: synced, stdio: 'pipe' });
  });

  async function dryRun(root: string): Promise<JsonReport> {
    const io = captureIO(root);
    expect(await migrate(['--dry', '--json'], io), io.err()).toBe(0);
    return JSON.parse(io.out()) as JsonReport;
  }

  it("follows a handle from the load into the page's data through SvelteKit's types", async () => {
    const report = await dryRun(synced);
    const page = report.files.find((f) => f.path === 'src/routes/jobs/[id]/+page.svelte')!;
    expect(page.diagnostics.map((d) => d.line)).toEqual([6]);
    expect(page.diagnostics[0]!.message).toContain('`data.job`: legacy');
    expect(report.legacyUses.unresolved).toEqual([]);
  });

  it("names the route when SvelteKit's types are not installed, rather than counting its page complete", async () => {
    const bare = makeProject(ROUTE);
    cpSync(join(synced, '.svelte-kit'), join(bare, '.svelte-kit'), { recursive: true });
    const report = await dryRun(bare);
    expect(report.files.find((f) => f.path === 'src/routes/jobs/[id]/+page.svelte')!.diagnostics).toEqual([]);
    expect(report.legacyUses.unresolved).toEqual([{ path: 'src/routes/jobs/[id]/+page.svelte', imports: ['@sveltejs/kit'] }]);
  });
});
