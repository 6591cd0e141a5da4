/**
 * A SvelteKit app migrated before `svelte-kit sync` has run (a fresh clone, a CI job): its tsconfig extends a
 * `.svelte-kit/tsconfig.json` that does not exist yet. The program must still see what that file would give, or
 * legacy uses type as `any` and go unseen: SvelteKit's ESNext + DOM libraries (under TypeScript's ES5 default a model
 * object built with `Object.assign` is `any`), and `kit.alias` from svelte.config.js. A class extending a legacy
 * class is legacy too, and so is a parameter's destructuring of a legacy handle (wild7). Each case here was missed, silently, in an outside app (__testfixtures__/wild6).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { captureIO, makeProject } from './project.ts';

const LEGACY = join(import.meta.dirname, '../../__testfixtures__/typed-app/src/lib/zero');

function legacyLayer(dir = LEGACY, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) legacyLayer(abs, out);
    else out[join('src/lib/zero', relative(LEGACY, abs))] = readFileSync(abs, 'utf8');
  }
  return out;
}

const FILES: Record<string, string> = {
  ...legacyLayer(),
  'tsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json', compilerOptions: { strict: true } }),
  'svelte.config.js': `const config = { kit: { alias: { $zero: 'src/lib/zero' } } };\nexport default config;\n`,
  // A model object extended the way hand-written additions often are.
  'src/lib/zero/models/job.custom.ts': `import { Job as Generated } from './job.generated';\nexport const Job = Object.assign(Generated, { urgent() { return Generated.where({ status: 'urgent' }); } });\n`,
  'src/routes/+page.svelte': `<script lang="ts">\n  import { Job } from '$lib/zero';\n  let { title }: { title: string } = $props();\n  const jobs = Job.all();\n</script>\n\n<p>{title}: {jobs.current.length}</p>\n`,
  'src/lib/watch.ts': `import { ReactiveQuery } from '$zero/reactive-query.svelte';\n\nexport function count(q: ReactiveQuery<{ id: string }>): number {\n  return q.current.length;\n}\n`,
  'src/lib/size.ts': `import type { ReactiveQuery } from '$lib/zero';\n\nexport function size({ current }: ReactiveQuery<{ id: string }>): number {\n  return current.length;\n}\n`,
  'src/lib/docked.svelte.ts': `import { ReactiveQuery } from '$lib/zero';\n\nexport class Docked extends ReactiveQuery<{ id: string }> {\n  get size(): number {\n    return this.current.length;\n  }\n}\n\nexport function sizeOf(d: Docked): number {\n  return d.current.length;\n}\n`,
};

describe('migrating a SvelteKit app before svelte-kit sync', { timeout: 120_000 }, () => {
  let report: JsonReport;
  const lines = (path: string) => report.files.find((f) => f.path === path)?.diagnostics.map((d) => d.line) ?? [];

  beforeAll(async () => {
    const root = makeProject(FILES);
    const io = captureIO(root);
    expect(await migrate(['--dry', '--json'], io), io.err()).toBe(0);
    report = JSON.parse(io.out()) as JsonReport;
  });

  it("says what it assumed for the missing tsconfig, and accounts for every use", () => {
    expect(report.legacyUses.note).toMatch(/its extends \.\/\.svelte-kit\/tsconfig\.json is missing: SvelteKit's aliases and libraries assumed/);
    expect(report.legacyUses.unaccounted).toBe(0);
  });

  it('sees a model object built with Object.assign (ESNext libraries): its finder converts', () => {
    const page = report.files.find((f) => f.path === 'src/routes/+page.svelte');
    expect(page?.diagnostics).toEqual([]);
    expect(page?.status).toBe('changed');
  });

  it("follows kit.alias ($zero/...) from svelte.config.js: the handle's read is reported", () => {
    expect(lines('src/lib/watch.ts')).toEqual(expect.arrayContaining([1, 3, 4]));
  });

  it('counts the destructuring of a parameter typed as a legacy handle: it reads the handle', () => {
    expect(lines('src/lib/size.ts')).toEqual(expect.arrayContaining([3]));
  });

  it("counts a subclass of a legacy class as legacy: its own reads of this, and its instances'", () => {
    expect(lines('src/lib/docked.svelte.ts')).toEqual(expect.arrayContaining([3, 5, 10]));
  });
});
