/**
 * Rails' single-table inheritance carried into the generated models: each STI subclass is a model of its base class's
 * table with the config's `inheritance` (its own type, then its descendants'), its parent's scopes, associations and
 * validations, and its own. The generated models run over a real local Zero and answer the reads Active Record does
 * (the Rails tier runs the same reads in Active Record 6.1, and checks the Ruby describer: __tests__/rails/sti.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.ts';
import { RecordNotFoundError } from '../../runtime/index.ts';
import { STI_APP, STI_CASES, STI_ROWS } from './sti-app.ts';
import { runGeneratedApp, type RunningApp } from './support.ts';
import { typeErrors } from './typecheck.ts';

type Row = { id: string; type?: string | null };
type Relation = PromiseLike<Row[]> & Record<string, (...args: unknown[]) => Relation>;
type Model = Record<string, (...args: unknown[]) => Relation> & {
  create_bang(attributes: Record<string, unknown>): Promise<Row>;
  find(id: string): Promise<Row & Record<string, unknown>>;
};

let running: RunningApp;
const models: Record<string, Model> = {};

beforeAll(async () => {
  running = await runGeneratedApp('zero-record-sti-', STI_APP);
  for (const className of ['Group', 'User', 'Admin', 'SuperAdmin', 'AuditLog']) models[className] = await running.active<Model>(className);
  for (const [className, rows] of Object.entries(STI_ROWS)) for (const row of rows) await models[className]!.create_bang(row);
}, 60_000);

afterAll(() => running?.close());

describe('single-table inheritance', () => {
  it("each subclass is a model of its base class's table, with its own type then its descendants'", () => {
    expect(running.report.skippedModels).toEqual([{ className: 'ApplicationRecord', file: 'app/models/application_record.rb', reason: 'abstract class' }]);
    expect(running.report.models.map((m) => [m.className, m.table])).toEqual([['Admin', 'users'], ['AuditLog', 'audit_logs'], ['Group', 'groups'], ['SuperAdmin', 'users'], ['User', 'users']]);
    expect(running.files.get('admin.config.ts')).toContain('  table: "users",\n  className: "Admin",');
    expect(running.files.get('admin.config.ts')).toContain('  inheritance: { column: "type", types: ["Admin", "SuperAdmin"] },');
    expect(running.files.get('super_admin.config.ts')).toContain('  inheritance: { column: "type", types: ["SuperAdmin"] },');
    expect(running.files.get('user.config.ts')).not.toContain('inheritance');
    // One table in the schema, its relationships those of every model on it.
    expect(running.files.get('schema.ts')!.match(/z\s*\.table\("users"\)/g)).toHaveLength(1);
    expect(running.files.get('schema.ts')).toContain('  audit_logs: many({ sourceField: ["id"], destField: ["admin_id"], destSchema: auditLogsTable }),');
  });

  it("a subclass has its parent's scopes (read from the parent's file), associations and validations, then its own", () => {
    const config = running.files.get('super_admin.config.ts')!;
    expect(config).toContain('     * Rails (app/models/user.rb:3): scope :active, -> { where(active: true) }\n     */\n    active: (r) => r.where({ active: true }),');
    expect(config).toContain('     * Rails (app/models/admin.rb:3): scope :named, ->(name) { where(name: name) }');
    expect(config).toContain('    group: (): ModelDefinition => groupConfig,\n    audit_logs: (): ModelDefinition => auditLogConfig,');
    expect(config).toContain('    name: [{ kind: "presence" }, { kind: "length", minimum: 2 }],');
    // The base class has only its own.
    expect(running.files.get('user.config.ts')).not.toContain('audit_logs');
    expect(running.files.get('user.config.ts')).toContain('    name: [{ kind: "presence" }],');
  });

  it("a hand-written scope a subclass inherits is its parent's, written once in the parent's scopes file", () => {
    for (const config of ['admin.config.ts', 'super_admin.config.ts']) {
      expect(running.files.get(config)).toContain('import { userScopes } from "./user.scopes";');
      expect(running.files.get(config)).toContain('    search: userScopes["search"],');
    }
    expect([...running.files.keys()].filter((path) => path.endsWith('.scopes.ts'))).toEqual(['user.scopes.ts']);
    expect(running.report.customScopes.map((s) => [s.model, s.scope, s.file, s.implementIn])).toEqual([
      ['Admin', 'search', 'app/models/user.rb', 'user.scopes.ts'],
      ['SuperAdmin', 'search', 'app/models/user.rb', 'user.scopes.ts'],
      ['User', 'search', 'app/models/user.rb', 'user.scopes.ts'],
    ]);
  });

  it('a subclass whose base class is not generated is not either; one whose table has no type column reads every row', async () => {
    const admin = running.description.models.find((m) => m.class_name === 'Admin')!;
    const withoutUser = await generate({ ...running.description, models: running.description.models.filter((m) => m.class_name !== 'User') });
    expect(withoutUser.report.skippedModels).toContainEqual({ className: 'Admin', file: 'app/models/admin.rb', reason: "its base class User is not generated (it reads that class's table)" });
    const untyped = await generate({ ...running.description, models: running.description.models.map((m) => (m === admin ? { ...m, inheritance: { base_class: 'User', column: null, types: [] } } : m)) });
    expect(untyped.files.find((f) => f.path === 'admin.config.ts')!.content).not.toContain('inheritance');
    expect(untyped.report.notes).toContainEqual({ model: 'Admin', message: 'reads every row of users, as Rails does for a subclass of User whose table has no type column' });
  });

  it('the generated files type-check', () => {
    expect(typeErrors([running.dir]).get(running.dir)).toEqual([]);
  }, 60_000);

  it('run over a local Zero, reads answer what Active Record does: the subclass rows, the base class every row, created records typed', async () => {
    const sorted = (rows: readonly Row[]) => rows.map((r) => r.id).sort();
    const answers = [];
    for (const c of STI_CASES) {
      const model = models[c.model]!;
      if ('create' in c) answers.push({ ...c, answer: (await model.create_bang(c.create)).type });
      else if ('find' in c) {
        let answer: string[] | 'not found';
        try {
          const record = await model.find(c.find);
          answer = c.association ? sorted([(await (record[c.association] as PromiseLike<Row[] | Row | null>)) ?? []].flat()) : [record.id];
        } catch (error) {
          if (!(error instanceof RecordNotFoundError)) throw error;
          answer = 'not found';
        }
        answers.push({ ...c, answer });
      } else {
        // From the model, as the Rails side runs it: `unscoped` is the model's.
        const relation = c.chain.reduce((r: Relation, [method, ...args]) => r[method]!(...args), model as unknown as Relation)['all']!();
        answers.push({ ...c, answer: sorted(await relation) });
      }
    }
    expect(answers).toEqual(STI_CASES);
  });
});
