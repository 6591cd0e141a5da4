/**
 * Scopes over joined tables (joins, where on a joined table's columns, where.associated / where.missing): translated
 * from a Rails app's source, type-checked, and run over a real local Zero, answering the rows Active Record does (the
 * Rails tier runs the same scopes in Active Record: __tests__/rails/join-scopes.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_SCOPE_CASES, JOIN_SCOPES_APP, JOIN_SCOPES_ROWS } from './join-scopes-app.ts';
import { runGeneratedApp, type RunningApp } from './support.ts';
import { typeErrors } from './typecheck.ts';

type Row = { id: string };
interface Model {
  create(attributes: Record<string, unknown>): Promise<Row & { new_record_p(): boolean }>;
  [scope: string]: unknown;
}
type Scope = (...args: unknown[]) => PromiseLike<Row[]>;

let running: RunningApp;
let config: string;
let ActiveJob: Model;

beforeAll(async () => {
  running = await runGeneratedApp('zero-record-join-scopes-', JOIN_SCOPES_APP);
  config = running.files.get('job.config.ts')!;
  const models: Record<string, Model> = {};
  for (const className of Object.keys(JOIN_SCOPES_ROWS)) models[className] = await running.active<Model>(className);
  ActiveJob = models.Job!;
  for (const [className, rows] of Object.entries(JOIN_SCOPES_ROWS)) {
    for (const row of rows) expect((await models[className]!.create(row)).new_record_p()).toBe(false);
  }
}, 60_000);

afterAll(() => running?.close());

describe('scopes over joined tables', () => {
  it('joins become the runtime\'s joins, in its shapes (names, lists, nested hashes)', () => {
    expect(config).toContain('with_client: (r) => r.joins("client"),');
    expect(config).toContain('staffed: (r) => r.joins("client", "tasks"),');
    expect(config).toContain('discussed: (r) => r.joins({ tasks: "comments" }),');
    expect(config).toContain('discussed_tasks: (r) => r.joins({ tasks: ["comments", "job"] }),');
    expect(config).toContain('with_open_tasks: (r) => r.joins("tasks").where({ tasks: { done: false } }).distinct(),');
  });

  it('conditions on a joined table are keyed by the relationship (from its name, its plural or its table), values typed and enum labels mapped from that table', () => {
    expect(config).toContain('for_acme: (r) => r.joins("client").where({ client: { name: "Acme" } }),');
    expect(config).toContain('for_client_named: (r, name: string | readonly string[]) => r.where({ client: { name: name } }),');
    // Client's enum tier: { free: 0, gold: 1 }.
    expect(config).toContain('gold: (r) => r.joins("client").where({ client: { tier: 1 } }),');
    expect(config).toContain('not_acme: (r) => r.joins("client").not({ client: { name: "Acme" } }),');
    expect(config).toContain(
      'commented: (r, body: string | readonly string[]) => r.joins({ tasks: "comments" }).where({ tasks: { done: false, comments: { body: body } } }),',
    );
    // `users` is the table of the one relationship `owner`.
    expect(config).toContain('owned_by_ann: (r) => r.joins("owner").where({ owner: { name: "Ann" } }),');
  });

  it("the model's own table is its own columns, as Rails reads it (alone, beside its columns, beside a joined table, in where.not)", () => {
    expect(config).toContain('titled_a: (r) => r.where({ jobs: { title: "a" } }),');
    expect(config).toContain('titled: (r, title: string | readonly string[]) => r.where({ jobs: { title: title } }),');
    expect(config).toContain('not_titled_a: (r) => r.not({ jobs: { title: "a" } }),');
    expect(config).toContain('acme_titled: (r, title: string | readonly string[]) => r.joins("client").where({ jobs: { title: title }, client: { name: "Acme" } }),');
    expect(config).toContain('titled_twice: (r) => r.where({ title: "a", jobs: { title: "b" } }),');
  });

  it("left_joins, and an order by a belongs_to's column, become the runtime's", () => {
    expect(config).toContain('with_tasks_left: (r) => r.left_joins("tasks"),');
    expect(config).toContain('with_tasks_outer: (r) => r.left_outer_joins("tasks"),');
    expect(config).toContain('without_tasks: (r) => r.left_joins("tasks").where({ tasks: { id: null } }),');
    expect(config).toContain('by_client_name: (r) => r.joins("client").order({ "client.name": "desc", title: "asc" }),');
  });

  it('where.associated / where.missing become where_associated / where_missing', () => {
    expect(config).toContain('with_owner: (r) => r.where_associated("owner"),');
    expect(config).toContain('without_owner: (r) => r.where_missing("owner"),');
  });

  it('leaves by hand, with the reason, what the config cannot answer as Rails does', () => {
    expect(running.report.customScopes.filter((s) => s.model === 'Job').map((s) => `${s.scope}: ${s.reason}`)).toEqual([
      "by_task_title: order by tasks.title, a has_many's column (Rails repeats each row per tasks row)",
      'nested_left: left_joins of a nested association (the runtime left-joins relationships by name)',
      'joined_by_sql: joins with a SQL string (Zero runs no SQL: joins(:association) names a relationship)',
      "tagged: the association 'taggings' of Job has no Zero relationship (polymorphic)",
      "tagged_as: the association 'taggings' of Job has no Zero relationship (polymorphic)",
      "by_comment: 'comments' is neither a column of jobs nor a relationship of Job (or the table of one); a table joined further is nested under the association that reaches it",
      "client_table_in_client: where(...: { clients: { ... } }) names Client's own table inside its conditions: write its columns without it",
      "of_tier: the parameter 'tier' is compared with the integer enum 'tier' (Rails maps labels at run time)",
      "by_unknown: Job has no association 'supplier'",
    ]);
  });

  it('the generated files type-check', () => {
    expect(typeErrors([running.dir]).get(running.dir)).toEqual([]);
  }, 60_000);

  it('run over a local Zero, the scopes answer the rows Active Record does', async () => {
    const answers = [];
    for (const { scope, args } of JOIN_SCOPE_CASES) {
      const rows = await (ActiveJob[scope] as Scope)(...args);
      answers.push({ scope, args, ids: rows.map((r) => r.id).sort() });
    }
    expect(answers).toEqual(JOIN_SCOPE_CASES.map(({ scope, args, ids }) => ({ scope, args, ids })));
  });
});
