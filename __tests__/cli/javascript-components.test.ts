/**
 * A component without `lang="ts"` is JavaScript, typed by its JSDoc, as svelte-check reads it: the legacy values its
 * JSDoc types (a prop, a `$state` slot given a type by a cast) are legacy uses like any other. Read as TypeScript,
 * its JSDoc typed nothing and such reads were missed without a word.
 */
import { expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { captureIO, makeProject, RUNES_CONFIG } from './project.ts';

const CLASSES = `export class ReactiveQuery<T> {
  constructor(private readonly build: () => unknown, private readonly fallback: T[] = [], ttl?: string) {}
  get current(): T[] { return this.fallback; }
  get isLoading(): boolean { return false; }
  destroy(): void {}
}
export class ReactiveQueryOne<T> {
  constructor(private readonly build: () => unknown, private readonly fallback: T | null = null, ttl?: string) {}
  get current(): T | null { return this.fallback; }
  get isLoading(): boolean { return false; }
  destroy(): void {}
}
`;

it('finds the legacy reads of a JavaScript component through its JSDoc types', { timeout: 120_000 }, async () => {
  const root = makeProject({
    '.gitignore': 'node_modules\n',
    'svelte.config.js': RUNES_CONFIG,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, allowJs: true, checkJs: true, moduleResolution: 'bundler', module: 'esnext', paths: { '$lib/*': ['./src/lib/*'] } } }),
    'src/lib/zero/reactive-query.svelte.ts': CLASSES,
    'src/lib/Card.svelte': [
      '<script>',
      "  import { ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';",
      '',
      "  /** @type {{ jobs: import('$lib/zero/reactive-query.svelte').ReactiveQuery<{ id: string, title: string }>, id: string }} */",
      '  let { jobs, id } = $props();',
      "  let job = $state(/** @type {ReactiveQueryOne<{ title: string }> | null} */ (null));",
      '  $effect(() => {',
      '    const q = new ReactiveQueryOne(() => null, null);',
      '    job = q;',
      '    return () => q.destroy();',
      '  });',
      '  const title = $derived(job?.current?.title ?? id);',
      '</script>',
      '',
      '<p>{jobs.current.length} {title}</p>',
      '{#if job && job.isLoading}<p>…</p>{/if}',
      '',
    ].join('\n'),
  });
  const io = captureIO(root);
  expect(await migrate(['--dry', '--json'], io), io.err()).toBe(0);
  const report = JSON.parse(io.out()) as JsonReport;
  expect(report.legacyUses.recognition).toBe('type-directed');
  expect(report.legacyUses.unaccounted).toBe(0);
  const lines = new Set(report.files.find((f) => f.path === 'src/lib/Card.svelte')!.diagnostics.map((d) => d.line));
  // The JSDoc-typed state slot (6) and its reads (12, 16), and the JSDoc-typed prop's read (15).
  for (const line of [6, 12, 15, 16]) expect(lines, `line ${line}`).toContain(line);
});
