import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GeneratorInputError } from '../../generator/errors.ts';
import { descriptionProblems } from '../../generator/load-description.ts';
import { main, parseArgs, USAGE } from '../../scripts/generate.ts';
import { fixtureApp, fixtureDescription, outputDir, repoRoot } from './support.ts';

let out: Awaited<ReturnType<typeof outputDir>>;
let stdout: string;
let stderr: string;
beforeEach(async () => {
  out = await outputDir();
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await out.cleanup();
});

describe('zero-record generate', () => {
  it('--from writes the models and a human report naming the scopes to implement; --check then passes', async () => {
    const args = ['--from', fixtureApp, '--out', out.dir, '--runtime-import', out.options.runtimeImport!];
    expect(await main(args)).toBe(0);
    expect(stdout).toContain('zero-record generate: 7 models from');
    expect(stdout).toContain('files: 24 written, 3 stub-created');
    expect(stdout).toContain('Scopes to implement by hand (4):\n  Invoice.overdue (app/models/invoice.rb:9) -> invoice.scopes.ts');
    // Run from flags alone: the settings the next run (and the Rails task, which reads the config file) needs.
    expect(stdout).toContain(`zero-record.config.json does not hold these settings. Save them there, so \`npx zero-record generate\` and \`bin/rails zero_record:generate\` regenerate the same files:\n  ${JSON.stringify({ generate: { from: fixtureApp, out: out.dir, runtimeImport: out.options.runtimeImport } })}`);
    stdout = '';
    expect(await main([...args, '--check'])).toBe(0);
    expect(stdout).toContain('check: every generated file is up to date');
    // Once saved, nothing to say; a flag that changes a saved setting is said again.
    const config = join(out.dir, 'zero-record.config.json');
    await writeFile(config, JSON.stringify({ generate: { from: fixtureApp, out: out.dir, runtimeImport: out.options.runtimeImport } }));
    stdout = '';
    expect(await main(['--config', config])).toBe(0);
    expect(stdout).not.toContain('does not hold these settings');
    expect(await main(['--config', config, '--import-extension', '.ts'])).toBe(0);
    expect(stdout).toContain('zero-record.config.json does not hold these settings');
  });

  it('--check exits 1 listing each edited file, and --json-report gives the same facts as JSON', async () => {
    const args = ['--from', fixtureApp, '--out', out.dir];
    await main(args);
    const path = join(out.dir, 'task.config.ts');
    await writeFile(path, (await readFile(path, 'utf8')).replace('less_than: 1000', 'less_than: 5'));
    stdout = '';
    expect(await main([...args, '--check', '--json-report'])).toBe(1);
    const report = JSON.parse(stdout) as { drift: unknown[]; report: { customScopes: Array<{ scope: string }> } };
    expect(report.drift).toEqual([{ path: 'task.config.ts', kind: 'edited', detail: 'edited by hand' }]);
    expect(report.report.customScopes.map((s) => s.scope)).toEqual(['overdue', 'search', 'with_open_tasks', 'due_before']);
  });

  it('--json reads a description (as the Rails task writes it) and gives the same files as --from', async () => {
    const json = join(out.dir, '..', `${out.dir.split('/').pop()}.json`);
    await writeFile(json, JSON.stringify(await fixtureDescription()));
    await main(['--from', fixtureApp, '--out', out.dir]);
    stdout = '';
    expect(await main(['--json', json, '--out', out.dir, '--check'])).toBe(0);
    await import('node:fs/promises').then((fs) => fs.rm(json));
  });

  it('--help prints the usage and exits 0 through the installed command', () => {
    const result = spawnSync(process.execPath, ['bin/zero-record.mjs', 'generate', '--help'], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(USAGE);
    for (const flag of ['--from', '--json', '--out', '--check', '--json-report', '--runtime-import', '--reactive-import', '--import-extension', '--legacy-sync', '--config']) {
      expect(USAGE).toContain(`  ${flag} `);
    }
  });

  it('-h wins over missing or bad arguments and writes nothing', async () => {
    expect(await main(['--what', '-h', '--out', out.dir])).toBe(0);
    expect(stdout).toBe(USAGE);
    expect(stderr).toBe('');
    expect(await import('node:fs/promises').then((fs) => fs.readdir(out.dir))).toEqual([]);
  });

  it('names every problem of bad arguments in one typed error (exit 2)', async () => {
    expect(await main(['--from', '--import-extension', '.mjs', '--what'])).toBe(2);
    expect(stderr).toBe(
      [
        'zero-record generate: bad arguments: 5 problems:',
        '  - --from needs a value',
        '  - unknown argument "--what" (see zero-record generate --help)',
        '  - missing the source: --from <rails-app-dir> or --json <description.json>',
        '  - missing --out <dir> (where the models are written)',
        '  - --import-extension must be .ts, .js or none (got .mjs)',
        '',
      ].join('\n'),
    );
    await expect(parseArgs(['--from', 'a', '--json', 'b', '--out', 'o'])).rejects.toThrow(GeneratorInputError);
  });

  it('takes defaults from zero-record.config.json, flags first', async () => {
    const config = join(out.dir, 'zero-record.config.json');
    await writeFile(config, JSON.stringify({ generate: { from: 'app', out: 'models', importExtension: 'none', color: 'red' } }));
    await expect(parseArgs(['--config', config])).rejects.toThrow(/unknown key generate\.color/);
    await writeFile(config, JSON.stringify({ generate: { from: 'app', out: 'models', importExtension: 'none' } }));
    expect(await parseArgs(['--config', config, '--out', 'elsewhere'])).toMatchObject({ from: 'app', out: 'elsewhere', importExtension: '' });
    expect(await parseArgs(['--config', config, '--json', 'd.json'])).toMatchObject({ json: 'd.json', out: 'models', saved: { from: 'app', out: 'models', importExtension: 'none' } });
  });

  it('rejects a malformed description, listing every problem with its place', () => {
    expect(
      descriptionProblems({ version: 1, skipped: [], models: [{ class_name: 'Job', table: 'jobs', primary_key: 'id', file: 'x', columns: [{ name: 'id' }], enums: [], associations: [], validations: {}, scopes: [] }] }),
    ).toEqual([
      'version must be 2 (got 1); regenerate it with the matching zero-record Rails task',
      'models[0] (Job).columns[0].type is missing or has the wrong type (got nothing)',
      'models[0] (Job).columns[0].null is missing or has the wrong type (got nothing)',
      'models[0] (Job).columns[0].default_function is missing or has the wrong type (got nothing)',
      'models[0] (Job).columns[0].array is missing or has the wrong type (got nothing)',
    ]);
    expect(descriptionProblems({ version: 2, skipped: [], models: [{ class_name: '../../etc' }] })[0]).toBe(
      'models[0] (../../etc).class_name must be a Ruby class name like Job or Admin::User (got "../../etc")',
    );
  });
});
