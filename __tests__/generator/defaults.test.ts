import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Zero, type Schema } from '@rocicorp/zero';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ColumnDescription, ModelDescription } from '../../generator/description.ts';
import { generate } from '../../generator/generate.ts';
import { writeGeneration } from '../../generator/output.ts';
import { configureZero, recordMutators } from '../../runtime/index.ts';
import { main } from '../../scripts/generate.ts';
import { fixtureDescription, outputDir } from './support.ts';

const column = (name: string, type: string, fields: Partial<ColumnDescription> = {}): ColumnDescription => ({
  name,
  type,
  null: true,
  default: null,
  default_function: null,
  array: false,
  ...fields,
});

/** One model whose defaults arrive the way schema.rb and the Ruby describer hand them over (strings for many types). */
const widget: ModelDescription = {
  class_name: 'Widget',
  table: 'widgets',
  primary_key: 'id',
  file: 'app/models/widget.rb',
  columns: [
    column('id', 'string', { null: false, default_function: 'gen_random_uuid()' }),
    column('flag', 'boolean', { default: 't' }),
    column('off', 'boolean', { default: false }),
    column('count', 'integer', { default: '5' }),
    column('price', 'decimal', { default: '1.50' }),
    column('ratio', 'float', { default: 0.25 }),
    column('label', 'string', { default: 'it\'s "x" */' }),
    column('code', 'string', { default: 42 }),
    column('kind', 'string', { default: 'big' }),
    column('level', 'integer', { default: 'high' }),
    column('starts_on', 'date', { default: '2024-02-01' }),
    column('opens_at', 'datetime', { default: '2024-02-01 10:30:00' }),
    column('settings', 'jsonb', { default: { a: 1 } }),
    column('broken', 'boolean', { default: 'maybe' }),
    column('created_at', 'datetime', { null: false, default_function: 'CURRENT_TIMESTAMP' }),
  ],
  enums: [
    { name: 'kind', values: { small: 's', big: 'b' }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false },
    { name: 'level', values: { low: 0, high: 2 }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false },
  ],
  associations: [],
  validations: {},
  scopes: [],
};

describe('Rails column defaults', () => {
  it('are cast to the Zero type of the column and emitted as the config\'s defaults', async () => {
    const { files, report } = await generate({ version: 2, models: [widget], skipped: [] });
    const config = files.find((f) => f.path === 'widget.config.ts')!.content;
    const block = config.slice(config.indexOf('  defaults: {'), config.indexOf('  },', config.indexOf('  defaults: {')));
    expect(block.split('\n').slice(1, -1)).toEqual([
      '    flag: true,',
      '    off: false,',
      '    count: 5,',
      '    price: 1.5,',
      '    ratio: 0.25,',
      '    label: "it\'s \\"x\\" */",',
      '    code: "42",',
      '    kind: "b",',
      '    level: 2,',
      `    starts_on: ${Date.UTC(2024, 1, 1)},`,
      `    opens_at: ${Date.UTC(2024, 1, 1, 10, 30)},`,
    ]);
    // Database functions are never applied on the client: listed in the report instead.
    expect(report.functionDefaults).toEqual([
      { model: 'Widget', column: 'id', function: 'gen_random_uuid()' },
      { model: 'Widget', column: 'created_at', function: 'CURRENT_TIMESTAMP' },
    ]);
    expect(report.notes.map((n) => n.message)).toEqual([
      'settings: default {"a":1} is not a scalar (runtime defaults hold scalars); create leaves the column to the caller',
      'broken: default "maybe" is not a boolean; create leaves the column to the caller',
    ]);
  });

  it('the CLI report lists the database-computed defaults', async () => {
    const out = await outputDir();
    let stdout = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    try {
      const json = join(out.dir, 'models.json');
      await writeFile(json, JSON.stringify({ version: 2, models: [widget], skipped: [] }));
      expect(await main(['--json', json, '--out', join(out.dir, 'models')])).toBe(0);
    } finally {
      spy.mockRestore();
      await out.cleanup();
    }
    expect(stdout).toContain('Defaults the database or the Rails model computes (2): create does not apply them');
    expect(stdout).toContain('\n  Widget.id: gen_random_uuid()\n  Widget.created_at: CURRENT_TIMESTAMP\n');
  });

  it('leave a model without literal defaults without a defaults key', async () => {
    const bare = { ...widget, columns: [column('id', 'string', { null: false })], enums: [] };
    const { files } = await generate({ version: 2, models: [bare], skipped: [] });
    expect(files.find((f) => f.path === 'widget.config.ts')!.content).not.toContain('defaults');
  });
});

describe('generated defaults against a real local Zero', () => {
  let zero: Zero<Schema> | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await zero?.close();
    await cleanup?.();
  });

  it('create without a column stores the Rails default, and the runtime stamps created_at / updated_at', async () => {
    const out = await outputDir();
    cleanup = out.cleanup;
    const { files } = await generate(await fixtureDescription(), out.options);
    await writeGeneration(out.dir, files);
    const { schema } = (await import(join(out.dir, 'schema.ts'))) as { schema: Schema };
    type Model = { create(a: Record<string, unknown>): Promise<Record<string, unknown>>; find(id: string): Promise<Record<string, unknown>> };
    const { ActiveJob } = (await import(join(out.dir, 'job.active.ts'))) as { ActiveJob: Model };
    const { ActiveTask } = (await import(join(out.dir, 'task.active.ts'))) as { ActiveTask: Model };
    zero = new Zero({ userID: 'defaults-test', cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    configureZero(zero);

    const before = Date.now();
    await ActiveJob.create({ id: 'j1', title: 'Paint', client_id: 'c1' });
    await ActiveTask.create({ id: 't1', job_id: 'j1', title: 'Buy paint' });
    await ActiveTask.create({ id: 't2', job_id: 'j1', title: 'Tape', done: true, position: 3 });

    const job = await ActiveJob.find('j1');
    // priority: the model's `enum priority: ..., _default: :high` (stored 2) over the column's default 1, as Rails.
    expect([job.status, job.priority]).toEqual(['draft', 2]);
    const task = await ActiveTask.find('t1');
    expect([task.done, task.position, task.due_at]).toEqual([false, 0, null]);
    expect(task.created_at).toBeGreaterThanOrEqual(before);
    expect(task.updated_at).toBe(task.created_at);
    // Given values win over defaults.
    const given = await ActiveTask.find('t2');
    expect([given.done, given.position]).toEqual([true, 3]);
  });
});
