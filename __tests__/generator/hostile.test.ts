import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription, ModelDescription } from '../../generator/description.ts';
import { generate } from '../../generator/generate.ts';
import { writeGeneration } from '../../generator/output.ts';
import { fixtureDescription, outputDir } from './support.ts';
import { typeErrors } from './typecheck.ts';

const NASTY = 'it\'s a */ "quoted" ${x} `tick` \\ back\u2028 // @ts-nocheck </script>';

/** A model a hostile (or just unusual) Rails app could produce: keywords, `__proto__`, quotes and comment closers everywhere. */
function hostileModel(): ModelDescription {
  const column = (name: string, type = 'string', extra: Partial<ModelDescription['columns'][number]> = {}) => ({
    name, type, null: true, default: null, default_function: null, array: false, ...extra,
  });
  return {
    class_name: 'Delete',
    table: 'delete',
    primary_key: 'id',
    file: `app/models/delete.rb */ alert(1) /*\n// evil`,
    columns: [
      column('id', 'string', { null: false }),
      column('default', 'string', { default: NASTY }),
      column('__proto__'),
      column('class'),
      column('weird */ col"\''),
      column('kind'),
      column('blob', 'binary'),
    ],
    enums: [{ name: 'kind', values: { a: "it's", b: '*/ `${x}`' }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false }],
    associations: [],
    validations: {
      default: [{ kind: 'presence', options: { message: NASTY } }],
      class: [{ kind: 'format', options: { with: { regexp: '\\A[a-z]+\\/\\*\\z', flags: 'i' } } }],
      kind: [{ kind: 'inclusion', options: { in: ["it's", '*/ `${x}`'] } }],
    },
    scopes: [
      { name: 'import', line: 1, source: '-> { where(kind: "it\'s") } # */ alert(1)', params: [], arity: 0 },
      { name: 'function', line: 2, source: '->(delete) { where(class: delete) }', params: [{ name: 'delete', kind: 'req' }], arity: 1 },
      { name: 'by_r', line: 2, source: '->(r) { where(kind: r).limit(1) }', params: [{ name: 'r', kind: 'req' }], arity: 1 },
      { name: 'custom', line: 2, source: '->(relation) { joins(:x) }', params: [{ name: 'relation', kind: 'req' }], arity: 1 },
      { name: 'yield', line: 3, source: `-> { where("${NASTY.replace(/"/g, '\\"')}") }`, params: [], arity: 0 },
      { name: '__proto__', line: 4, source: '-> { where(class: "x") }', params: [], arity: 0 },
      { name: 'bad name', line: 5, source: '-> { all }', params: [], arity: 0 },
    ],
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

async function generateInto(description: AppDescription) {
  const out = await outputDir();
  cleanups.push(out.cleanup);
  const generation = await generate(description, out.options);
  await writeGeneration(out.dir, generation.files);
  return { ...out, ...generation };
}

type Generated = Awaited<ReturnType<typeof generateInto>>;
let fixture: Generated;
let hostile: Generated;
let errors: Map<string, string[]>;

beforeAll(async () => {
  fixture = await generateInto(await fixtureDescription());
  await writeFile(
    join(fixture.dir, 'usage.ts'),
    [
      "import { ActiveJob, type Job } from './job.active.ts';",
      "import { ReactiveJob } from './job.reactive.ts';",
      "import { ActiveTask } from './task.active.ts';",
      'export async function use(): Promise<string[]> {',
      "  const job: Job = await ActiveJob.find('j1');",
      "  const open = await ActiveJob.open().by_client(job.client_id).latest(3);",
      "  const status: 'draft' | 'active' | 'done' = job.status;",
      "  // @ts-expect-error a scope argument has the column's type",
      '  ActiveJob.by_client(42);',
      "  // @ts-expect-error enum columns are string unions",
      "  const wrong: Job['status'] = 'archived';",
      '  void ReactiveJob.find_by({ id: job.id });',
      '  void (await ActiveTask.open().ordered());',
      '  return [status, wrong, ...open.map((j) => j.title)];',
    '}',
    '',
    ].join('\n'),
  );
  const description = await fixtureDescription();
  // A model named like the schema's own type alias, and two models whose files would have the same names.
  const user = description.models.find((m) => m.class_name === 'User')!;
  const copy = (class_name: string, table: string) => ({ ...structuredClone(user), class_name, table, file: `app/models/${table}.rb` });
  description.models.push(hostileModel(), copy('Schema', 'schemas'), copy('Widget', 'widgets'), copy('WIDGET', 'widgets_upper'));
  hostile = await generateInto(description);
  errors = typeErrors([fixture.dir, hostile.dir]);
}, 120_000);

describe('generated TypeScript compiles (tsc --noEmit through the TypeScript API)', () => {
  it('for the fixture app, with the models used as an app would use them', async () => {
    expect((await readdir(fixture.dir)).filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(20);
    expect(errors.get(fixture.dir)).toEqual([]);
  });

  it('for hostile names and values, without letting any of them out of their strings and comments', async () => {
    const { dir, files, report } = hostile;
    const names = files.map((f) => f.path);
    expect(names).toEqual(expect.arrayContaining(['delete.active.ts', 'delete.config.ts', 'delete.reactive.ts', 'delete.scopes.ts']));
    expect(errors.get(dir)).toEqual([]);

    const config = files.find((f) => f.path === 'delete.config.ts')!.content;
    expect(config).toContain('import: (r) => r.where({ kind: "it\'s" }),');
    // A `__proto__` column is kept, read through read_attribute; the model is generated.
    expect(config).toContain('  shadowedColumns: ["__proto__"],\n');
    // Keywords and other names are getters too, quoted where no identifier; no getter for `__proto__` or a column Zero lacks.
    expect(config).toContain('    get default() { return this[RECORD_VALUES]["default"]; },\n    get class() { return this[RECORD_VALUES]["class"]; },\n');
    expect(config).toContain(`    get "weird */ col\\"'"() { return this[RECORD_VALUES]["weird */ col\\"'"]; },\n`);
    expect(config).not.toMatch(/get \["__proto__"\]|get blob/);
    expect(config).toContain('function: (r, delete_: string | readonly string[]) => r.where({ class: delete_ }),');
    expect(config).toContain('by_r: (r, r_: "it\'s" | "*/ `${x}`" | readonly ("it\'s" | "*/ `${x}`")[]) => r.where({ kind: r_ }).limit(1),');
    expect(files.find((f) => f.path === 'delete.scopes.ts')!.content).toContain('custom(relation: Relation, relation_: unknown): Relation {');
    expect(files.find((f) => f.path === 'schema.ts')!.content).not.toContain('export type Schema = typeof schema;');
    expect(files.find((f) => f.path === 'schema.ts')!.content).toContain('export type Schema = z.Row<(typeof schema)[\'tables\']["schemas"]>;');
    expect(report.skippedModels).toContainEqual({ className: 'Widget', file: 'app/models/widgets.rb', reason: "its files would be named like WIDGET's (widget.*.ts)" });
    expect(report.skippedScopes).toEqual([
      { model: 'Case', scope: 'then', reason: "'then' clashes with the member 'then' of thenables (await calls then() on any object that has it); rename the Rails scope" },
      { model: 'Delete', scope: '__proto__', reason: "'__proto__' clashes with the member '__proto__' of Object.prototype; rename the Rails scope" },
      { model: 'Delete', scope: 'bad name', reason: "'bad name' is not a valid JavaScript method name" },
    ]);
    expect(files.find((f) => f.path === 'case.config.ts')!.content).toContain('import: (r) => r.where({ kind: "import" }),');
    expect(report.customScopes.find((s) => s.scope === 'yield')?.reason).toMatch(/^where with a SQL string/);
    expect(report.notes).toContainEqual({ model: 'Delete', message: "blob: column type 'binary' has no Zero equivalent; the column is left out of the Zero schema" });
    // Nothing escapes into code: the hostile text appears only inside string literals and (defused) comments.
    for (const file of files) {
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, file.content);
      for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
        const text = scanner.getTokenText();
        if (token === ts.SyntaxKind.StringLiteral) continue;
        if (token === ts.SyntaxKind.MultiLineCommentTrivia || token === ts.SyntaxKind.SingleLineCommentTrivia) {
          expect(text, file.path).not.toMatch(/@ts-/);
          continue;
        }
        expect(text, `${file.path}: ${text}`).not.toMatch(/alert|\*\/|it's|back/);
      }
    }

    // The values reach the runtime exactly as Rails has them.
    const schema = (await import(join(dir, 'schema.ts'))) as { schema: { tables: Record<string, { columns: Record<string, unknown> }> } };
    expect(Object.keys(schema.schema.tables.delete!.columns)).toEqual(['id', 'default', '__proto__', 'class', 'weird */ col"\'', 'kind']);
    const { deleteConfig } = (await import(join(dir, 'delete.config.ts'))) as {
      deleteConfig: { validations: Record<string, Array<{ message?: string; with?: string; flags?: string; in?: unknown[] }>> };
    };
    expect(deleteConfig.validations.default![0]!.message).toBe(NASTY);
    expect(deleteConfig.validations.kind![0]!.in).toEqual(["it's", '*/ `${x}`']);
    expect(new RegExp(deleteConfig.validations.class![0]!.with!, deleteConfig.validations.class![0]!.flags).test('AB/*')).toBe(true);
  });
});
