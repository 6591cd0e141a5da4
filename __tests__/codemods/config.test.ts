/** The migration config: defaults, the example file, every problem named at once, and the module matchers. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classNameFor, DEFAULT_CONFIG, isLegacyClassModule, isLegacyDefinitionFile, legacyModelBase, MigrationConfigError, parseMigrationConfig, targetFor,
} from '../../codemods/config.ts';
import { isDependency } from '../../codemods/typed/program.ts';

describe('migration config', () => {
  it('accepts the shipped example and fills defaults for what a file leaves out', () => {
    const example = JSON.parse(readFileSync(join(import.meta.dirname, '../../zero-record.config.example.json'), 'utf8'));
    expect(parseMigrationConfig(example, 'example').models).toEqual({ people: 'Person', work_orders: 'Job' });
    expect(parseMigrationConfig({ defaultTtl: '2h' }, 'x')).toEqual({ ...DEFAULT_CONFIG, defaultTtl: '2h' });
  });

  it("leaves the generator's section of the same file to the generator (the settings `generate` asks to save there)", () => {
    const saved = { generate: { from: '../rails-app', out: 'src/lib/models', legacySync: true }, defaultTtl: '2h' };
    expect(parseMigrationConfig(saved, 'zero-record.config.json')).toEqual({ ...DEFAULT_CONFIG, defaultTtl: '2h' });
  });

  it('names every problem of a bad file in one error', () => {
    let error: unknown;
    try {
      parseMigrationConfig({ models: { jobs: 'job' }, targets: { active: 42, other: 'x' }, legacyModelSuffix: '' }, 'zero-record.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationConfigError);
    expect((error as MigrationConfigError).problems).toEqual([
      '"legacyModelSuffix" must be a non-empty string such as ".generated"',
      '"models.jobs" must be a class name in PascalCase, got "job"',
      'unknown key "targets.other" (known: reactive, active)',
      '"targets.active" must be a string containing {model} or {Model}, got 42',
    ]);
    expect((error as Error).message).toMatch(/^zero-record\.config\.json has 4 problems:/);
  });

  it('maps tables and legacy modules to model names and target modules', () => {
    expect(classNameFor(DEFAULT_CONFIG, 'line_items')).toBe('LineItem');
    expect(classNameFor(DEFAULT_CONFIG, 'job')).toBe('Job');
    expect(classNameFor({ ...DEFAULT_CONFIG, models: { people: 'Member' } }, 'people')).toBe('Member');
    expect(targetFor(DEFAULT_CONFIG, 'LineItem', 'reactive')).toEqual({ local: 'ReactiveLineItem', specifier: '$lib/models/line_item.reactive' });
    expect(targetFor(DEFAULT_CONFIG, 'Job', 'active')).toEqual({ local: 'ActiveJob', specifier: '$lib/models/job.active' });
  });

  it('recognises legacy modules by specifier and legacy definition files by path', () => {
    for (const s of ['$lib/zero/reactive-query.svelte', './reactive-query', '../zero/reactive-query.svelte.ts', '$lib/zero']) expect(isLegacyClassModule(DEFAULT_CONFIG, s)).toBe(true);
    for (const s of ['$lib/zero/client', 'my-reactive-query', '$lib/zero-utils']) expect(isLegacyClassModule(DEFAULT_CONFIG, s)).toBe(false);
    expect(legacyModelBase(DEFAULT_CONFIG, '$lib/zero/job.generated')).toBe('job');
    expect(legacyModelBase(DEFAULT_CONFIG, '$lib/zero/job')).toBeNull();
    for (const p of ['src/lib/zero/reactive-query.svelte.ts', 'src/lib/zero/job.generated.ts', 'src/lib/zero/index.ts']) expect(isLegacyDefinitionFile(DEFAULT_CONFIG, p)).toBe(true);
    for (const p of ['src/lib/zero/client.ts', 'src/routes/+page.svelte']) expect(isLegacyDefinitionFile(DEFAULT_CONFIG, p)).toBe(false);
    // A workspace package built with tsc declares them in .d.ts, read outside the root.
    for (const p of ['../../packages/data/dist/zero/reactive-query.svelte.d.ts', '../../packages/data/dist/zero/models/job.generated.d.ts']) expect(isLegacyDefinitionFile(DEFAULT_CONFIG, p)).toBe(true);
    expect(legacyModelBase(DEFAULT_CONFIG, 'dist/models/job.generated.d.ts')).toBe('job');
  });
});

describe("the app's own source, and its dependencies", () => {
  it('a workspace package linked into node_modules is source (its real path); an installed package is a dependency', () => {
    const root = mkdtempSync(join(tmpdir(), 'zr-deps-'));
    try {
      mkdirSync(join(root, 'packages/data/src'), { recursive: true });
      mkdirSync(join(root, 'node_modules/@acme'), { recursive: true });
      mkdirSync(join(root, 'node_modules/lib'), { recursive: true });
      writeFileSync(join(root, 'packages/data/src/index.ts'), '');
      writeFileSync(join(root, 'node_modules/lib/index.d.ts'), '');
      symlinkSync(join(root, 'packages/data'), join(root, 'node_modules/@acme/data'));
      // As TypeScript reads it with preserveSymlinks: the link's own path.
      expect(isDependency(join(root, 'node_modules/@acme/data/src/index.ts'))).toBe(false);
      expect(isDependency(join(root, 'packages/data/src/index.ts'))).toBe(false);
      expect(isDependency(join(root, 'node_modules/lib/index.d.ts'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
