import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { GeneratorInputError } from '../../generator/errors.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { readModels } from '../../generator/static/model-rb.ts';
import { parseRuby } from '../../generator/static/ruby-ast.ts';
import { fixtureApp, fixtureDescription } from './support.ts';

/** The fixture app described with another app/models/application_record.rb. */
async function describeWithApplicationRecord(body: string): Promise<AppDescription> {
  const app = await mkdtemp(join(tmpdir(), 'zero-record-app-'));
  try {
    await cp(fixtureApp, app, { recursive: true });
    await writeFile(join(app, 'app', 'models', 'application_record.rb'), `class ApplicationRecord < ActiveRecord::Base\n  ${body}\nend\n`);
    return await describeRailsApp(app);
  } finally {
    await rm(app, { recursive: true, force: true });
  }
}

describe('static description of the fixture Rails app (no Ruby)', () => {
  it('describes every concrete model with a table and lists the rest with a reason', async () => {
    const d = await fixtureDescription();
    expect(d.models.map((m) => m.class_name)).toEqual(['Assignment', 'Case', 'Client', 'Invoice', 'Job', 'Task', 'User']);
    expect(d.skipped).toEqual([
      { class_name: 'ApplicationRecord', file: 'app/models/application_record.rb', reason: 'abstract' },
      { class_name: 'Archive', file: 'app/models/archive.rb', reason: 'missing_table' },
    ]);
  });

  it('reads columns as Active Record types them, string primary keys and typed defaults included', async () => {
    const job = (await fixtureDescription()).models.find((m) => m.class_name === 'Job')!;
    expect(job.primary_key).toBe('id');
    const column = (name: string) => job.columns.find((c) => c.name === name);
    expect(column('id')).toEqual({ name: 'id', type: 'string', null: false, default: null, default_function: null, array: false });
    // The model's enum `_default: :high` wins over the column's 1, written as the stored value, as Rails' new records take it.
    expect(column('priority')).toMatchObject({ type: 'integer', null: false, default: 2, default_function: null });
    expect(column('metadata')).toMatchObject({ type: 'json', null: true });
    expect(column('created_at')).toMatchObject({ type: 'datetime', null: false });
    const user = (await fixtureDescription()).models.find((m) => m.class_name === 'User')!;
    expect(user.columns.find((c) => c.name === 'role')).toMatchObject({ default: 'admin' }); // `_default: "admin"` over the column's "member"
    const invoice = (await fixtureDescription()).models.find((m) => m.class_name === 'Invoice')!;
    expect(invoice.columns.find((c) => c.name === 'amount')).toMatchObject({ type: 'decimal', default: '0.0' });
    const hostile = (await fixtureDescription()).models.find((m) => m.class_name === 'Case')!;
    expect(hostile.columns.find((c) => c.name === 'note')!.default).toBe('it\'s a */ "quoted" ${value} `tick` \\ back');
  });

  it('keeps enums in declaration order, string and integer backed', async () => {
    const job = (await fixtureDescription()).models.find((m) => m.class_name === 'Job')!;
    expect(job.enums).toEqual([
      { name: 'status', values: { draft: 'draft', active: 'active', done: 'done' }, prefix: 'status', suffix: null, scopes: true, instance_methods: true, validate: false },
      { name: 'priority', values: { low: 0, normal: 1, high: 2 }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false },
    ]);
    expect(Object.keys(job.enums[0]!.values)).toEqual(['draft', 'active', 'done']);
  });

  it('reads `required: false` on a belongs_to as Rails does: optional', async () => {
    const assignment = (await fixtureDescription()).models.find((m) => m.class_name === 'Assignment')!;
    expect(assignment.associations.map((a) => [a.name, a.optional])).toEqual([['job', null], ['user', true]]);
  });

  it("reads an enum's options in Rails 6.1 and 7 spellings, and labels given as keywords", async () => {
    const source = [
      'class Ticket < ApplicationRecord',
      '  enum status: { open: "open", closed: "closed" }, _prefix: true, _scopes: false',
      '  enum :kind, { bug: 0, task: 1 }, suffix: :kind, instance_methods: false',
      '  enum :size, small: 0, large: 1',
      '  enum level: [:low, :high], _suffix: true',
      '  enum :placement, { prefix: "p", suffix: "s" }',
      '  enum :tier, { basic: 0, pro: 1 }, validate: { allow_nil: true }',
      'end',
    ].join('\n');
    const [ticket] = readModels(await parseRuby('app/models/ticket.rb', source), 'app/models/ticket.rb');
    expect(ticket!.enums).toEqual([
      { name: 'status', values: { open: 'open', closed: 'closed' }, prefix: 'status', suffix: null, scopes: false, instance_methods: true, validate: false },
      { name: 'kind', values: { bug: 0, task: 1 }, prefix: null, suffix: 'kind', scopes: true, instance_methods: false, validate: false },
      { name: 'size', values: { small: 0, large: 1 }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false },
      { name: 'level', values: { low: 0, high: 1 }, prefix: null, suffix: 'level', scopes: true, instance_methods: true, validate: false },
      { name: 'placement', values: { prefix: 'p', suffix: 's' }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false },
      { name: 'tier', values: { basic: 0, pro: 1 }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: true },
    ]);
    // Rails 7.1 declares `validates_inclusion_of :tier, in: %w[basic pro], allow_nil: true` where the enum stands.
    expect(ticket!.validations.get('tier')).toEqual([{ kind: 'inclusion', options: { allow_nil: true, in: ['basic', 'pro'] } }]);
  });

  it("reads an enum's default: / _default: as the stored value new records start with (nil: NULL)", async () => {
    const source = [
      'class Ticket < ApplicationRecord',
      '  enum status: { open: "open", closed: "closed" }, _default: nil',
      '  enum :kind, { bug: 0, task: 1 }, default: :task',
      '  enum level: [:low, :high], _default: 1',
      '  enum :tier, { basic: 0, pro: 1 }',
      'end',
    ].join('\n');
    const [ticket] = readModels(await parseRuby('app/models/ticket.rb', source), 'app/models/ticket.rb');
    expect([...ticket!.attributeDefaults]).toEqual([['status', null], ['kind', 1], ['level', 1]]);
  });

  it('resolves associations like Rails: foreign keys, class names, through + source', async () => {
    const d = await fixtureDescription();
    const job = d.models.find((m) => m.class_name === 'Job')!;
    const byName = Object.fromEntries(job.associations.map((a) => [a.name, a]));
    expect(byName.client).toMatchObject({ macro: 'belongs_to', class_name: 'Client', foreign_key: 'client_id', primary_key: 'id', counter_cache: 'jobs_count', touch: null });
    expect(byName.tasks).toMatchObject({ macro: 'has_many', class_name: 'Task', foreign_key: 'job_id', primary_key: 'id', scoped: true });
    expect(byName.workers).toMatchObject({ macro: 'has_many', class_name: 'User', through: 'assignments', source: 'user', foreign_key: null });
    expect(byName.invoice).toMatchObject({ macro: 'has_one', class_name: 'Invoice', foreign_key: 'job_id' });
    const user = d.models.find((m) => m.class_name === 'User')!;
    expect(user.associations.find((a) => a.name === 'jobs')).toMatchObject({ through: 'assignments', source: 'job', class_name: 'Job' });
  });

  it('expands validators per attribute as ActiveModel builds them', async () => {
    const d = await fixtureDescription();
    const job = d.models.find((m) => m.class_name === 'Job')!;
    expect(job.validations.title).toEqual([
      { kind: 'presence', options: {} },
      { kind: 'length', options: { maximum: 200 } },
      { kind: 'uniqueness', options: { scope: 'client_id' } },
    ]);
    // `in: 10..2000` becomes minimum / maximum; a class constant is resolved; allow_nil reaches each validator.
    expect(job.validations.description).toEqual([{ kind: 'length', options: { allow_nil: true, maximum: 2000, minimum: 10 } }]);
    expect(job.validations.status).toEqual([{ kind: 'inclusion', options: { in: ['draft', 'active', 'done'] } }]);
    expect(job.validations.reference).toEqual([{ kind: 'format', options: { allow_blank: true, with: { regexp: '\\AJOB-\\d+\\z', flags: '' } } }]);
    const task = d.models.find((m) => m.class_name === 'Task')!;
    expect(task.validations.title).toEqual([{ kind: 'presence', options: {} }]);
    const invoice = d.models.find((m) => m.class_name === 'Invoice')!;
    expect(invoice.validations.due_on).toEqual([{ kind: 'presence', options: { if: 'paid?' } }]);
  });

  it('finds scopes with their parameters, arity and exact body source', async () => {
    const d = await fixtureDescription();
    const job = d.models.find((m) => m.class_name === 'Job')!;
    const latest = job.scopes.find((s) => s.name === 'latest')!;
    expect(latest).toEqual({
      name: 'latest',
      line: 24,
      source: '->(n = 5) { order(created_at: :desc).limit(n) }',
      params: [{ name: 'n', kind: 'opt', default: '5' }],
      arity: -1,
    });
    const task = d.models.find((m) => m.class_name === 'Task')!;
    expect(task.scopes.map((s) => [s.name, s.arity])).toEqual([['open', 0], ['ordered', 0], ['due_before', 1]]);
    expect(task.scopes[2]!.source).toBe('->(time) do\n    where("due_at < ?", time)\n  end');
    const hostile = d.models.find((m) => m.class_name === 'Case')!;
    expect(hostile.scopes.map((s) => s.name)).toEqual(['import', 'then', 'default']);
    expect(hostile.scopes[0]!.source).toContain("# imports */ with 'single'");
  });

  // Rails 7+ writes `primary_abstract_class` in ApplicationRecord. The fixture's own ApplicationRecord chooses between
  // it and `self.abstract_class = true` (the Ruby tier loads it with Active Record 6.1, which has no such method).
  it.each([
    ['primary_abstract_class (Rails 7+)', 'primary_abstract_class'],
    ['a modifier condition', 'primary_abstract_class if respond_to?(:primary_abstract_class)'],
    ['an unless / else', 'unless respond_to?(:primary_abstract_class)\n    self.abstract_class = true\n  else\n    primary_abstract_class\n  end'],
  ])('takes %s for self.abstract_class = true', async (_, body) => {
    const d = await describeWithApplicationRecord(body);
    expect(d.models.map((m) => m.class_name)).toEqual(['Assignment', 'Case', 'Client', 'Invoice', 'Job', 'Task', 'User']);
    expect(d).toEqual(await fixtureDescription());
  });

  it('leaves a class concrete when abstract_class is set to false', async () => {
    const d = await describeWithApplicationRecord('self.abstract_class = false');
    expect(d.models).toEqual([]);
    expect(d.skipped.find((s) => s.class_name === 'ApplicationRecord')?.reason).toBe('missing_table');
    // Job < ApplicationRecord is then an STI subclass of it, on its (missing) table, as in Rails.
    expect(d.skipped.find((s) => s.class_name === 'Job')?.reason).toBe('missing_table');
  });

  it('names every missing input in one typed error', async () => {
    const error = await describeRailsApp('/nonexistent/app').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorInputError);
    expect((error as GeneratorInputError).problems).toHaveLength(2);
    expect((error as GeneratorInputError).message).toMatch(/db\/schema\.rb is missing[\s\S]*app\/models is missing/);
  });
});
