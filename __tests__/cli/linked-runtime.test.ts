/**
 * An app whose generated models import the runtime from outside it (a linked or absolute-path zero-record) types
 * svelte twice: the app's copy and the runtime's, one version. TypeScript makes the second a redirect to the first,
 * and the pass over the planned output must not hand that redirect back to it (it crashed with "Host should not
 * return a redirect source file").
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { captureIO, makeProject, RUNES_CONFIG } from './project.ts';

const RUNTIME = join(import.meta.dirname, '../../runtime/reactive/index.svelte.ts');

it('migrates an app whose models import the runtime from outside it, with svelte installed in both', { timeout: 120_000 }, async () => {
  const root = makeProject({
    '.gitignore': 'node_modules\n',
    'svelte.config.js': RUNES_CONFIG,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, moduleResolution: 'bundler', module: 'esnext', paths: { '$lib/*': ['./src/lib/*'] } } }),
    'src/lib/zero/reactive-query.svelte.ts': `export class ReactiveQuery<T> {
  constructor(private readonly build: () => unknown, private readonly fallback: T[] = []) {}
  get current(): T[] { return this.fallback; }
  destroy(): void {}
}
`,
    // Typed by hand where a generated model would build it: what the migrated component reads must type-check, as the
    // migration checks its output's types.
    'src/lib/models/job.reactive.ts': `import { ReactiveRecord } from ${JSON.stringify(RUNTIME.replace(/\.ts$/, ''))};\nexport { ReactiveRecord };\nexport declare const ReactiveJob: { where(conditions: Record<string, unknown>): Iterable<{ id: string; title: string }> };\n`,
    'src/lib/Jobs.svelte': `<script lang="ts">
  import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
  const zero = { query: { jobs: { where: (..._: unknown[]) => ({}) } } };
  const jobsQuery = new ReactiveQuery<{ id: string; title: string }>(() => zero.query.jobs.where('status', 'open'), []);
</script>

{#each jobsQuery.current as job (job.id)}<p>{job.title}</p>{/each}
`,
  });
  // The app's own svelte, the same version as the runtime's: its package.json and declarations are what TypeScript reads.
  const svelte = dirname(createRequire(import.meta.url).resolve('svelte/package.json'));
  mkdirSync(join(root, 'node_modules/svelte/types'), { recursive: true });
  for (const file of ['package.json', 'types/index.d.ts']) copyFileSync(join(svelte, file), join(root, 'node_modules/svelte', file));

  const io = captureIO(root);
  expect(await migrate(['--dry', '--json'], io), io.err()).toBe(0);
  const report = JSON.parse(io.out()) as JsonReport;
  expect(report.legacyUses.recognition).toBe('type-directed');
  const jobs = report.files.find((f) => f.path === 'src/lib/Jobs.svelte')!;
  expect(jobs.diagnostics).toEqual([]);
  expect(jobs.status).toBe('changed');
  expect(report.legacyUses.unaccounted).toBe(0);
});
