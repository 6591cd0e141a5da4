/**
 * The outside trees (__testfixtures__/wild to wild10: legacy code written from the docs alone, never
 * from the transforms) type-check after `zero-record migrate` as they did before it, by svelte-check, as their team's
 * CI would run it. Each is set up as its team would migrate it: dependencies installed (this repository's, with
 * zero-record built as it is published), then its models generated from its Rails side
 * (__testfixtures__/wild-rails/<tree>, schema.rb and app/models matching the tree's legacy row types), then migrated.
 * A monorepo (wild9) is all of these in its app's folder, its workspace packages linked as `npm install` links them; a
 * plain Vite app (wild10) names in its zero-record.config.json where its models are, as the migration asks it to.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newErrors } from '../../codemods/typed/type-errors.ts';
import { commitAll, linkDependencies } from './project.ts';
import { svelteCheckErrors } from './svelte-check.ts';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = join(REPO, '__testfixtures__');

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${output}`);
  return output;
}

const cli = (cwd: string, ...argv: string[]) => run(process.execPath, [join(REPO, 'bin/zero-record.mjs'), ...argv], cwd);

beforeAll(() => {
  // The generated models import `zero-record`: the package as published (its declarations), not this checkout's source.
  run('npx', ['tsx', 'scripts/package/build-library.ts'], REPO);
}, 120_000);

interface Tree {
  readonly name: string;
  /** The folder the app is in (a monorepo's), when it is not the tree's root. */
  readonly app?: string;
  /** Workspace packages `npm install` links into node_modules: package name -> its folder in the tree. */
  readonly workspaces?: Readonly<Record<string, string>>;
  /** Where the app's models are generated, and its zero-record.config.json naming them (not SvelteKit: no `$lib`). */
  readonly models?: { readonly out: string; readonly config: object };
}

const TREES: Tree[] = [
  ...['wild', 'wild2', 'wild3', 'wild4', 'wild5', 'wild6', 'wild7', 'wild8'].map((name) => ({ name })),
  { name: 'wild9', app: 'apps/web', workspaces: { '@tiller/data': 'packages/data' } },
  { name: 'wild10', models: { out: 'src/models', config: { targets: { reactive: '@/models/{model}.reactive', active: '@/models/{model}.active' } } } },
];

describe.each(TREES)('the outside tree $name after migrate', { timeout: 300_000 }, (tree) => {
  it('type-checks with no error it did not have before', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'zr-wild-types-')), tree.name);
    const app = join(root, tree.app ?? '');
    cpSync(join(FIXTURES, tree.name), root, { recursive: true });
    linkDependencies(root, tree.workspaces);
    // As SvelteKit's own .gitignore has it: svelte-check writes .svelte-kit/ where a tree has a vite config.
    writeFileSync(join(root, '.gitignore'), 'node_modules\n.svelte-kit\n');
    if (tree.models) writeFileSync(join(app, 'zero-record.config.json'), JSON.stringify(tree.models.config));
    cli(root, 'generate', '--from', join(FIXTURES, 'wild-rails', tree.name), '--out', join(app, tree.models?.out ?? 'src/lib/models'));
    commitAll(root, 'legacy app and its generated models');
    const before = svelteCheckErrors(app);

    const summary = cli(app, 'migrate', '--root', app);
    expect(summary).toMatch(/Wrote \d+ files/);
    expect(summary).not.toMatch(/imports model modules this project does not have yet/);
    // The migration checks its output's types and withdraws a file that would gain an error: none was, so what
    // svelte-check reads below is what the transforms wrote.
    expect(summary).not.toMatch(/type check: the migrated file would gain/);

    const after = svelteCheckErrors(app);
    // The migrated code is typed by the generated models, and they by the built package.
    expect(after.filter((e) => /Cannot find module '(zero-record|\$lib\/models|@\/models)/.test(e.message)).map((e) => e.message)).toEqual([]);
    expect(newErrors(before, after).map((e) => e.message)).toEqual([]);
  });
});
