import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.ts';
import { headerState } from '../../generator/header.ts';
import { checkGeneration, writeGeneration } from '../../generator/output.ts';
import { fixtureDescription, outputDir } from './support.ts';
import { RecordInvalidError } from '../../runtime/index.ts';
import { validationErrors } from '../../runtime/core/validations.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
async function out() {
  const o = await outputDir();
  cleanups.push(o.cleanup);
  return o;
}
const file = (files: { path: string; content: string }[], path: string) => files.find((f) => f.path === path)!.content;

describe('generation from a description', () => {
  it('is deterministic: same description (in any model order), same bytes, no timestamps', async () => {
    const a = await generate(await fixtureDescription());
    const shuffled = await fixtureDescription();
    shuffled.models.reverse();
    const b = await generate(shuffled);
    expect(b.files).toEqual(a.files);
    expect(a.files.map((f) => f.content).join('')).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it('emits one config per model that both flavours import, plus one schema module', async () => {
    const { files } = await generate(await fixtureDescription());
    expect(files.filter((f) => f.path.startsWith('job.')).map((f) => f.path)).toEqual(['job.active.ts', 'job.config.ts', 'job.reactive.ts', 'job.scopes.ts']);
    expect(file(files, 'job.active.ts')).toContain('export const ActiveJob = ActiveRecord.createModel(jobConfig);');
    expect(file(files, 'job.active.ts')).toContain('import { ActiveRecord } from "zero-record";');
    expect(file(files, 'job.reactive.ts')).toContain('export const ReactiveJob = ReactiveRecord.createModel(jobConfig);');
    expect(file(files, 'job.reactive.ts')).toContain('import { ReactiveRecord } from "zero-record/reactive";');
    expect(file(files, 'job.reactive.ts')).toContain('export type { Job } from "./schema";');
    expect(files.filter((f) => f.content.includes('defineModel({'))).toHaveLength(7);
    const schema = file(files, 'schema.ts');
    expect(schema).toContain('status: z.enumeration<"draft" | "active" | "done">(),');
    expect(schema).toContain('priority: z.number<0 | 1 | 2>(),');
    expect(schema).toContain(
      'workers: many({ sourceField: ["id"], destField: ["job_id"], destSchema: assignmentsTable }, { sourceField: ["user_id"], destField: ["id"], destSchema: usersTable }),',
    );
    expect(schema).toContain('export type Job = z.Row<(typeof schema)[\'tables\']["jobs"]>;');
    expect(schema).toContain('export type Schema = typeof schema;');
  });

  it('for modern Zero emits the named queries registry, configs reading through it and per-model mutators; --legacy-sync keeps the old output', async () => {
    const { files } = await generate(await fixtureDescription());
    const queries = file(files, 'queries.ts');
    expect(queries).toContain('import { defineRelationQueries } from "zero-record";');
    expect(queries).toContain('export const relationTables = {\n  assignment: "assignments",\n  case: "cases",');
    expect(queries).toContain('export const queries = defineRelationQueries(schema, relationTables);');
    expect(file(files, 'job.config.ts')).toContain('import { queries } from "./queries";');
    expect(file(files, 'job.config.ts')).toContain('  query: queries.job.relation,\n  find: queries.job.find,\n');
    const mutators = file(files, 'mutators.ts');
    expect(mutators).toContain('import { jobConfig } from "./job.config";');
    expect(mutators).toContain('export const mutators = defineModelMutators({\n  assignment: assignmentConfig,');

    const legacy = (await generate(await fixtureDescription(), { legacySync: true })).files;
    expect(legacy.map((f) => f.path)).not.toContain('queries.ts');
    expect(file(legacy, 'job.config.ts')).not.toContain('query:');
    expect(file(legacy, 'job.config.ts')).not.toContain('find:');
    expect(file(legacy, 'mutators.ts')).toContain('export { recordMutators as mutators } from "zero-record";');
  });

  it('turns simple scope bodies into scope functions and lists the rest for the app to implement', async () => {
    const { files, report } = await generate(await fixtureDescription());
    const config = file(files, 'job.config.ts');
    expect(config).toContain('open: (r) => r.where({ status: "active" }),');
    expect(config).toContain('by_client: (r, client_id: string | readonly string[]) => r.where({ client_id: client_id }),');
    expect(config).toContain('latest: (r, n: number = 5) => r.order({ created_at: "desc" }).limit(n),');
    expect(config).toContain('not_done: (r) => r.not({ status: "done" }),');
    expect(config).toContain('urgent: (r) => r.where({ priority: 2 }).order({ title: "asc" }),');
    expect(config).toContain('between: (r, low: number, high: number) => r.where({ budget: { gte: low, lte: high } }),');
    expect(config).toContain('search: jobScopes["search"],');
    expect(file(files, 'task.config.ts')).toContain('ordered: (r) => r.order({ position: "asc", created_at: "asc" }),');
    expect(report.customScopes.map((s) => `${s.model}.${s.scope}: ${s.reason}`)).toEqual([
      "Invoice.overdue: calls the scope 'unpaid'",
      'Job.search: where with a SQL string (a LIKE / ILIKE search is where({ column: { matches: pattern } }))',
      'Job.with_open_tasks: merge(...) is not translated (conditions on a joined table are where(association: { column: value }))',
      'Task.due_before: where with a SQL string (a LIKE / ILIKE search is where({ column: { matches: pattern } }))',
    ]);
    expect(report.customScopes[1]).toMatchObject({ file: 'app/models/job.rb', line: 30, implementIn: 'job.scopes.ts' });
    expect(report.skippedScopes).toEqual([
      { model: 'Case', scope: 'then', reason: "'then' clashes with the member 'then' of thenables (await calls then() on any object that has it); rename the Rails scope" },
    ]);
    const stub = files.find((f) => f.path === 'job.scopes.ts')!;
    expect(stub.kind).toBe('stub');
    expect(stub.content).toContain('search(relation: Relation, query: unknown): Relation {');
  });

  it('writes one column getter and one column copy per Zero column, each naming its column', async () => {
    const { files } = await generate(await fixtureDescription());
    const config = file(files, 'job.config.ts');
    expect(config).toContain('import { RECORD_VALUES, defineColumnCopy, defineColumnGetters, defineModel, type ModelDefinition } from "zero-record";');
    const columns = ['id', 'title', 'description', 'status', 'priority', 'reference', 'budget', 'metadata', 'client_id', 'created_at', 'updated_at'];
    expect(config).toContain(
      [
        '  columnGetters: defineColumnGetters({',
        ...columns.map((c) => `    get ${c}() { return this[RECORD_VALUES]["${c}"]; },`),
        '  }),',
        '  columnCopy: defineColumnCopy((record, row) => {',
        ...columns.map((c) => `    record["${c}"] = row["${c}"];`),
        '  }),',
        '});',
        '',
      ].join('\n'),
    );
  });

  it('maps validations to the runtime rules and reports what only Rails can check', async () => {
    const { files, report } = await generate(await fixtureDescription());
    const config = file(files, 'job.config.ts');
    expect(config).toContain('title: [{ kind: "presence" }, { kind: "length", maximum: 200 }],');
    expect(config).toContain('reference: [{ kind: "format", with: "^JOB-\\\\d+$", allow_blank: true }],');
    expect(config).toContain('status: [{ kind: "inclusion", in: ["draft", "active", "done"] }],');
    expect(file(files, 'user.config.ts')).toContain('role: [{ kind: "inclusion", in: ["admin", "member"], message: "%{value} is not a role" }],');
    // Rails 5+: belongs_to is required unless optional: true ("Job must exist", on `job`); the client checks the key is
    // set. Its rule comes first, as the belongs_to comes before the validates in the model (Rails' error order).
    expect(file(files, 'task.config.ts')).toContain('job_id: [{ kind: "presence", message: "must exist", attribute: "job" }],');
    expect(config).toContain('client_id: [{ kind: "presence", message: "must exist", attribute: "client" }],');
    expect(config.indexOf('client_id: [{ kind: "presence"')).toBeLessThan(config.indexOf('title: [{ kind: "presence" }'));
    const required = RecordInvalidError.of('Job', validationErrors('Job', { client_id: [{ kind: 'presence', message: 'must exist', attribute: 'client' }], title: [{ kind: 'presence' }] }, { client_id: null, title: '' }));
    // Rails: Job.new.tap(&:valid?).errors.to_hash => {client: ["must exist"], title: ["can't be blank"]}
    expect([required.errors, required.fullMessages]).toEqual([{ client: ['must exist'], title: ["can't be blank"] }, ['Client must exist', "Title can't be blank"]]);
    const optional = await fixtureDescription();
    optional.models.find((m) => m.class_name === 'Task')!.associations.find((a) => a.name === 'job')!.optional = true;
    expect(file((await generate(optional)).files, 'task.config.ts')).not.toContain('job_id:');
    const messages = RecordInvalidError.of('Task', validationErrors('Task', { job_id: [{ kind: 'presence', message: 'must exist' }] }, { job_id: null })).fullMessages;
    expect(messages).toEqual(['Job must exist']);
    // A foreign key not named after the association: the error is on the association, as in Rails.
    const authored = await fixtureDescription();
    const task = authored.models.find((m) => m.class_name === 'Task')!;
    task.associations.find((a) => a.name === 'job')!.name = 'parent';
    expect(file((await generate(authored)).files, 'task.config.ts')).toContain('job_id: [{ kind: "presence", message: "must exist", attribute: "parent" }],');
    const invalid = RecordInvalidError.of('Task', validationErrors('Task', { job_id: [{ kind: 'presence', message: 'must exist', attribute: 'parent' }] }, { job_id: null }));
    expect([invalid.errors, invalid.fullMessages]).toEqual([{ parent: ['must exist'] }, ['Parent must exist']]);
    // Rails' dependent: on a has_many becomes the config's dependents, which destroy() applies; one it cannot apply as
    // Rails does is said: a scoped association (the lambda would not narrow what destroy acts on).
    const generated = await generate(await fixtureDescription());
    expect(file(generated.files, 'client.config.ts')).toContain('  dependents: {\n    jobs: "destroy",\n  },');
    expect(file(generated.files, 'job.config.ts')).not.toContain('dependents');
    expect(report.notes.filter((n) => n.message.includes('dependent'))).toEqual([
      {
        model: 'Job',
        message:
          "tasks: dependent: :destroy is not applied (the association scope (the lambda) would not narrow it: destroy would act on every associated row): destroy() leaves its tasks; handle them first, or let the database's foreign key (ON DELETE CASCADE / SET NULL) do it",
      },
    ]);
    expect(file(generated.files, 'user.config.ts')).toContain('  dependents: {\n    assignments: "destroy",\n  },');
    // What Rails does to the parent when this record is written: counter_cache: and touch: are carried; one the runtime
    // cannot keep is said.
    expect(file(generated.files, 'job.config.ts')).toContain('  counterCaches: {\n    client: "jobs_count",\n  },');
    expect(report.notes.filter((n) => n.message.includes('counter_cache'))).toEqual([]);
    const uncounted = await fixtureDescription();
    uncounted.models.find((m) => m.class_name === 'Job')!.associations.find((a) => a.name === 'client')!.counter_cache = 'visits_count';
    const withoutColumn = await generate(uncounted);
    expect(file(withoutColumn.files, 'job.config.ts')).not.toContain('counterCaches');
    expect(withoutColumn.report.notes).toContainEqual({
      model: 'Job',
      message: "client: counter_cache is not kept (Client has no Zero column visits_count): create and destroy here leave Client.visits_count as it is (Rails' writes, or a database trigger, must keep it)",
    });
    uncounted.models.find((m) => m.class_name === 'Job')!.associations.find((a) => a.name === 'client')!.counter_cache = 'name';
    expect((await generate(uncounted)).report.notes).toContainEqual({
      model: 'Job',
      message: "client: counter_cache is not kept (Client.name is not a number column): create and destroy here leave Client.name as it is (Rails' writes, or a database trigger, must keep it)",
    });
    expect(file(generated.files, 'task.config.ts')).toContain('  touches: {\n    job: true,\n  },');
    expect(report.notes.filter((n) => n.message.includes('touch'))).toEqual([]);
    const scoped = await fixtureDescription();
    scoped.models.find((m) => m.class_name === 'Task')!.associations.find((a) => a.name === 'job')!.scoped = true;
    const unscoped = await generate(scoped);
    expect(file(unscoped.files, 'task.config.ts')).not.toContain('touches');
    expect(unscoped.report.notes).toContainEqual({ model: 'Task', message: 'job: touch is not applied (the association scope (the lambda) would not narrow which parent is touched): writes here leave Job as it is' });
    // One the runtime does not apply is said.
    const asynchronous = await fixtureDescription();
    asynchronous.models.find((m) => m.class_name === 'Client')!.associations.find((a) => a.name === 'jobs')!.dependent = 'destroy_async';
    expect((await generate(asynchronous)).report.notes).toContainEqual({
      model: 'Client',
      message:
        "jobs: dependent: :destroy_async is not applied (:destroy_async is not one the runtime applies (destroy, delete_all, delete, nullify, restrict_with_exception, restrict_with_error)): destroy() leaves its jobs; handle them first, or let the database's foreign key (ON DELETE CASCADE / SET NULL) do it",
    });
    expect(report.notes).toContainEqual({ model: 'Invoice', message: 'validation due_on: presence: conditional (if:) validators run in Rails only' });
    expect(report.notes).toContainEqual({
      model: 'Job',
      message: 'validation title: uniqueness: uniqueness needs the database; enforced by Rails (and a unique index) only',
    });
  });

  it('generates a model with a column named like a member, readable through read_attribute, and says so', async () => {
    const d = await fixtureDescription();
    const user = d.models.find((m) => m.class_name === 'User')!;
    user.columns.push({ name: 'constructor', type: 'string', null: true, default: null, default_function: null, array: false });
    const { files, report } = await generate(d);
    expect(file(files, 'schema.ts')).toContain('constructor: z.string().optional(),');
    expect(file(files, 'user.config.ts')).toContain('  shadowedColumns: ["constructor"],\n');
    // Read with read_attribute only: no getter.
    expect(file(files, 'user.config.ts')).toContain('columnGetters');
    expect(file(files, 'user.config.ts')).not.toContain('get constructor()');
    expect(file(files, 'user.config.ts')).not.toContain('record["constructor"]');
    expect(report.skippedModels.map((m) => m.className)).not.toContain('User');
    expect(report.notes).toContainEqual({
      model: 'User',
      message: "constructor: named like the member 'constructor' of Object.prototype; records read it with read_attribute(\"constructor\")",
    });
    // Relationships to the model stay.
    expect(file(files, 'job.config.ts')).toContain('workers:');
  });

  it("writes Rails' enums as the config's enums, with the options the app gave, and leaves out one the runtime would refuse", async () => {
    const d = await fixtureDescription();
    // `valid?` is Active Record's: Rails refuses a label that makes it; so does the runtime (`valid_p`).
    d.models.find((m) => m.class_name === 'Case')!.enums.push({ name: 'kind', values: { valid: 'valid', odd: 'odd' }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false });
    // Rails validates an enum's labels; records hold the stored values the rule must name. `validate: true` (Rails 7.1)
    // declares that inclusion validation and tells the enum to let it refuse a value instead of raising.
    const job = d.models.find((m) => m.class_name === 'Job')!;
    job.validations['priority'] = [{ kind: 'inclusion', options: { in: ['low', 'high'] } }];
    job.enums.find((e) => e.name === 'priority')!.validate = true;
    const { files, report } = await generate(d);
    expect(file(files, 'job.config.ts')).toContain('priority: [{ kind: "inclusion", in: [0, 2] }],');
    expect(file(files, 'job.config.ts')).toContain('priority: { values: { low: 0, normal: 1, high: 2 }, validate: true, mapping: "priorities" },');
    expect(file(files, 'job.config.ts')).toContain(
      '  enums: {\n' +
        '    status: { values: { draft: "draft", active: "active", done: "done" }, prefix: "status", mapping: "statuses" },\n' +
        '    priority: { values: { low: 0, normal: 1, high: 2 }, validate: true, mapping: "priorities" },\n' +
        '  },\n',
    );
    expect(file(files, 'assignment.config.ts')).toContain('role: { values: { worker: "worker", lead: "lead" }, suffix: "role", scopes: false, mapping: "roles" },');
    expect(file(files, 'user.config.ts')).toContain('role: { values: { admin: "admin", member: "member" }, prefix: "as", mapping: "roles" },');
    expect(file(files, 'case.config.ts')).not.toContain('enums:');
    expect(report.notes).toContainEqual({ model: 'Case', message: "enum kind has no scopes or methods: enum method 'valid_p' clashes with the member 'valid_p' of ReactiveRecord records: give the enum a prefix or suffix" });
  });

  it("spells Ruby's ! and ? scope names by the one rule, and keeps a scope named like a column", async () => {
    const d = await fixtureDescription();
    const job = d.models.find((m) => m.class_name === 'Job')!;
    job.scopes.push(
      { name: 'drafty?', line: 90, source: '-> { where(status: "draft") }', params: [], arity: 0 },
      { name: 'drafty_p', line: 91, source: '-> { all }', params: [], arity: 0 },
      { name: 'title', line: 92, source: '-> { order(:title) }', params: [], arity: 0 },
    );
    const { files, report } = await generate(d);
    const config = file(files, 'job.config.ts');
    expect(config).toContain('    drafty_p: (r) => r.where({ status: "draft" }),\n');
    expect(config).toContain('    title: (r) => r.order({ title: "asc" }),\n');
    expect(report.skippedScopes).toContainEqual({ model: 'Job', scope: 'drafty_p', reason: "'drafty_p' is spelled 'drafty_p' in TypeScript, like the scope 'drafty?'" });
  });
});

describe('writing and --check', () => {
  it('writes every file once, then rewrites nothing when nothing changed', async () => {
    const { dir, options } = await out();
    const { files } = await generate(await fixtureDescription(), options);
    const first = await writeGeneration(dir, files);
    expect(new Set(first.map((r) => r.status))).toEqual(new Set(['written', 'stub-created']));
    const before = (await stat(join(dir, 'job.config.ts'))).mtimeMs;
    const second = await writeGeneration(dir, files);
    expect(new Set(second.map((r) => r.status))).toEqual(new Set(['unchanged', 'stub-kept']));
    expect((await stat(join(dir, 'job.config.ts'))).mtimeMs).toBe(before);
    expect(await checkGeneration(dir, files)).toEqual([]);
  });

  it('puts a header on every generated file whose hash catches a hand edit', async () => {
    const { files } = await generate(await fixtureDescription());
    for (const f of files.filter((x) => x.kind === 'generated')) {
      expect(f.content).toMatch(/^\/\/ Generated by zero-record from .+ DO NOT EDIT: regenerate instead\.\n\/\/ Regenerate: npx zero-record generate/);
      expect(headerState(f.content)).toBe('intact');
    }
    expect(headerState(file(files, 'job.config.ts').replace('maximum: 200', 'maximum: 300'))).toBe('edited');
  });

  it('reports hand edits, stale, missing and orphaned files, and never overwrites the hand-written scopes', async () => {
    const { dir, options } = await out();
    const description = await fixtureDescription();
    const { files } = await generate(description, options);
    await writeGeneration(dir, files);
    const scopes = join(dir, 'job.scopes.ts');
    await writeFile(scopes, 'export const jobScopes = { search: (r: unknown) => r, with_open_tasks: (r: unknown) => r };\n');
    const config = join(dir, 'job.config.ts');
    await writeFile(config, (await readFile(config, 'utf8')).replace('maximum: 200', 'maximum: 300'));
    await writeFile(join(dir, 'widget.active.ts'), file(files, 'user.active.ts'));
    await import('node:fs/promises').then((fs) => fs.rm(join(dir, 'task.active.ts')));
    // The Rails side changed too: User gained a column.
    description.models.find((m) => m.class_name === 'User')!.columns.push({ name: 'nickname', type: 'string', null: true, default: null, default_function: null, array: false });
    const next = await generate(description, options);

    const drift = await checkGeneration(dir, next.files);
    // The new column is in the schema and in User's column getters.
    expect(drift.map((d) => `${d.kind} ${d.path}`)).toEqual(['edited job.config.ts', 'stale schema.ts', 'missing task.active.ts', 'stale user.config.ts', 'orphaned widget.active.ts']);

    const results = await writeGeneration(dir, next.files);
    expect(results).toContainEqual({ path: 'job.config.ts', status: 'overwrote-hand-edit' });
    expect(results).toContainEqual({ path: 'widget.active.ts', status: 'deleted' });
    expect(results).toContainEqual({ path: 'job.scopes.ts', status: 'stub-kept' });
    expect(await readFile(scopes, 'utf8')).toContain('search: (r: unknown) => r');
    expect(await checkGeneration(dir, next.files)).toEqual([]);
  });
});
