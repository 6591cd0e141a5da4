/**
 * When the migration refuses to write `$lib/...` model imports: only where the project does not define `$lib` (not
 * SvelteKit, no tsconfig path for it), judged on real files in temp folders, and never for targets the app chose.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FilePlan } from '../../codemods/index.ts';
import { DEFAULT_CONFIG, parseMigrationConfig } from '../../codemods/config.ts';
import { libAliasProblem } from '../../scripts/cli/targets.ts';

const plans = [{ targets: ['$lib/models/job.reactive'] }] as unknown as FilePlan[];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-targets-'));
  // A git root, so the search for a monorepo's package.json stops here.
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const vite = JSON.stringify({ name: 'spa', devDependencies: { vite: '^7.0.0', svelte: '^5.0.0' } });
const problem = (root: string, config = DEFAULT_CONFIG) => libAliasProblem(root, plans, config, null);

describe('libAliasProblem', () => {
  test('a plain Vite app is refused, whatever its folders are called (src/lib, src/routes) or its comments say', () => {
    expect(problem(project({ 'package.json': vite, 'src/lib/Counter.svelte': '', 'src/routes/Home.svelte': '' }))).toMatch(/^the migrated code imports its models as `\$lib\/models\/job\.reactive`/);
    const commented = project({ 'package.json': vite, 'tsconfig.json': '{ "compilerOptions": { "paths": {\n // "$lib/*": ["src/lib/*"]\n "@/*": ["src/*"] } } }' });
    expect(problem(commented)).not.toBeNull();
  });

  test('SvelteKit (a dependency here or in a monorepo above, or its .svelte-kit) defines $lib', () => {
    expect(problem(project({ 'package.json': JSON.stringify({ devDependencies: { '@sveltejs/kit': '^2.0.0' } }) }))).toBeNull();
    const mono = project({ 'package.json': JSON.stringify({ workspaces: ['apps/*'], devDependencies: { '@sveltejs/kit': '^2.0.0' } }), 'apps/web/package.json': vite });
    expect(problem(join(mono, 'apps/web'))).toBeNull();
    expect(problem(project({ 'package.json': vite, '.svelte-kit/tsconfig.json': '{}' }))).toBeNull();
  });

  test('a "$lib/*" path counts in any tsconfig of the app, through extends, and in a jsconfig', () => {
    const paths = '{ "compilerOptions": { "paths": { "$lib/*": ["./src/lib/*"] } } }';
    expect(problem(project({ 'package.json': vite, 'tsconfig.json': '{ "extends": "./tsconfig.base.json" }', 'tsconfig.base.json': paths }))).toBeNull();
    expect(problem(project({ 'package.json': vite, 'tsconfig.json': '{ "extends": ["./configs/base"] }', 'configs/base.json': paths }))).toBeNull();
    // create-vite's layout: tsconfig.json only references tsconfig.app.json, where the paths are.
    expect(problem(project({ 'package.json': vite, 'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }', 'tsconfig.app.json': paths }))).toBeNull();
    expect(problem(project({ 'package.json': vite, 'jsconfig.json': paths }))).toBeNull();
  });

  test('targets the app chose are its own, $lib or not; no $lib target, nothing to judge', () => {
    const root = project({ 'package.json': vite });
    expect(problem(root, parseMigrationConfig({ targets: { reactive: '$lib/models/{model}.reactive' } }, 'zero-record.config.json'))).toBeNull();
    expect(problem(root, parseMigrationConfig({}, 'zero-record.config.json'))).not.toBeNull();
    expect(libAliasProblem(root, [{ targets: ['@/models/job.reactive'] }] as unknown as FilePlan[], DEFAULT_CONFIG, null)).toBeNull();
  });
});
