import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRailsApp } from '../../generator/static/describe.ts';
import type { AppDescription } from '../../generator/description.ts';
import { fixtureApp, repoRoot, writeApp } from '../generator/support.ts';
import { cliBin, railsLib, requireRuby, run } from './ruby.ts';

let temp: string;
beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3', 'ripper', 'rake']);
  temp = await mkdtemp(join(tmpdir(), 'zero-record-rails-'));
});
afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('the Ruby describer (Active Record 6.1 + SQLite, no Rails) and the static path agree', () => {
  it('produce the same JSON for the fixture app, byte for byte once parsed', async () => {
    const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), fixtureApp]);
    expect(ruby.stderr).toBe('');
    expect(ruby.status).toBe(0);
    const fromRuby: unknown = JSON.parse(ruby.stdout);
    const fromStatic = await describeRailsApp(fixtureApp);
    expect(fromRuby).toEqual(fromStatic);
    // Key order too: the generated unions and error order follow it.
    expect(JSON.stringify(fromRuby)).toBe(JSON.stringify(fromStatic));
  });
});

describe('the Ruby describer loads model files in any order, finding what a file needs as Rails\' autoloader would', () => {
  it('an STI subclass before its parent, a model before ApplicationRecord, a namespace with no file of its own, a validator and a concern in later files', async () => {
    const app = await writeApp('zero-record-load-order-', {
      'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "accounts", force: :cascade do |t|
    t.string "name"
  end
  create_table "notifications", force: :cascade do |t|
    t.string "type"
  end
  create_table "invoices", force: :cascade do |t|
    t.string "number"
  end
end
`,
      'app/models/account.rb': 'class Account < ApplicationRecord\nend\n',
      'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n',
      'app/models/email_notification.rb': 'class EmailNotification < Notification\nend\n',
      'app/models/notification.rb': 'class Notification < ApplicationRecord\nend\n',
      // No app/models/billing.rb: Zeitwerk makes Billing a module from the folder.
      'app/models/billing/invoice.rb': 'class Billing::Invoice < ApplicationRecord\n  include Numbered\n  validates_with Billing::TotalsValidator\nend\n',
      'app/models/billing/totals_validator.rb': 'module Billing\n  class TotalsValidator < ActiveModel::Validator\n    def validate(record); end\n  end\nend\n',
      'app/models/concerns/numbered.rb': 'module Numbered\n  extend ActiveSupport::Concern\n  included do\n    validates :number, presence: true\n  end\nend\n',
    });
    try {
      const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
      expect(ruby.stderr).toBe('');
      const described = JSON.parse(ruby.stdout) as AppDescription;
      expect(described.models.map((m) => [m.class_name, m.table, m.file])).toEqual([
        ['Account', 'accounts', 'app/models/account.rb'],
        ['Billing::Invoice', 'invoices', 'app/models/billing/invoice.rb'],
        ['EmailNotification', 'notifications', 'app/models/email_notification.rb'],
        ['Notification', 'notifications', 'app/models/notification.rb'],
      ]);
      expect(described.models[2]!.inheritance).toEqual({ base_class: 'Notification', column: 'type', types: ['EmailNotification'] });
      expect(described.skipped).toEqual([{ class_name: 'ApplicationRecord', file: 'app/models/application_record.rb', reason: 'abstract' }]);
      expect(described.models[1]!.validations).toEqual({ number: [{ kind: 'presence', options: {} }] });
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  });
});

describe("a required belongs_to's place among the validations (Rails adds its presence validator where it is declared)", () => {
  it('the Ruby describer lists it where the static path does, its config-dependent validator left out', async () => {
    const app = await writeApp('zero-record-belongs-to-order-', {
      'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "memberships", force: :cascade do |t|
    t.string "role"
    t.string "note"
    t.integer "project_id"
    t.integer "user_id"
    t.integer "team_id"
  end
end
`,
      'app/models/membership.rb': `class Membership < ActiveRecord::Base
  validates :role, presence: true
  belongs_to :project
  validates :note, presence: true
  belongs_to :user, required: true
  belongs_to :team, required: false
  validates :user, presence: { message: "is needed" }
end
`,
    });
    try {
      const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
      expect(ruby.stderr).toBe('');
      const described = JSON.parse(ruby.stdout) as AppDescription;
      expect(described.models[0]!.validations).toEqual({
        role: [{ kind: 'presence', options: {} }],
        project: [],
        note: [{ kind: 'presence', options: {} }],
        user: [{ kind: 'presence', options: { message: 'is needed' } }],
      });
      expect(JSON.stringify(described)).toBe(JSON.stringify(await describeRailsApp(app)));
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  });
});

describe("the Ruby describer reads an enum's options off the methods Rails defined", () => {
  it('finds the prefix beside a label named like it, suffixes of labels that are not method names, no scopes, and a model that refuses to initialize with one label', () => {
    const result = run('ruby', ['-I', railsLib, join(repoRoot, '__tests__', 'rails', 'enum-options.rb')]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { name: 'status', values: { status: 0, draft: 1 }, prefix: 'status', suffix: null, scopes: true, instance_methods: true, validate: false },
      { name: 'kind', values: { 'on hold': 'h', 'w/ x': 'w' }, prefix: null, suffix: 'kind', scopes: false, instance_methods: true, validate: false },
      { name: 'level', values: { low: 0, high: 1 }, prefix: null, suffix: null, scopes: true, instance_methods: true, validate: false },
    ]);
  });
});

describe("the Ruby describer gives a column the default the model sets, as Rails' new records take it", () => {
  it("an enum's _default as its stored value, attribute defaults, a block named not run, a column default left alone", () => {
    const result = run('ruby', ['-I', railsLib, join(repoRoot, '__tests__', 'rails', 'attribute-defaults.rb')]);
    expect(result.stderr).toBe('');
    const defaults = (JSON.parse(result.stdout) as { name: string; default: unknown; default_function: string | null }[]).map((c) => [c.name, c.default, c.default_function]);
    expect(defaults).toEqual([
      ['id', null, null],
      ['status', 'closed', null],
      ['level', 1, null],
      ['nick', 'anon', null],
      ['token', null, 'a block in Ticket (attribute default)'],
      ['note', 'none', null],
    ]);
  });
});

describe('regeneration hooks (plain Rake driving the real zero_record tasks)', () => {
  it('regenerates once, after db:migrate:redo (rollback + migrate) has finished', async () => {
    const json = join(temp, 'hooks.json');
    const log = join(temp, 'hooks.log');
    const result = run('ruby', [join(repoRoot, '__tests__', 'rails', 'hooks.rb'), fixtureApp, json, log, 'db:migrate:redo']);
    expect(result.status, result.stderr).toBe(0);
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['rollback', 'migrate', json]);
    expect(JSON.parse(await readFile(json, 'utf8'))).toEqual(await describeRailsApp(fixtureApp));
  });

  it('does not regenerate after a failed migration', async () => {
    const json = join(temp, 'failed.json');
    const log = join(temp, 'failed.log');
    const result = run('ruby', [join(repoRoot, '__tests__', 'rails', 'hooks.rb'), fixtureApp, json, log, 'db:migrate:redo'], { env: { FAIL_MIGRATION: '1' } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('migration failed');
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual(['rollback']);
    await expect(readFile(json, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('in a real Rails 6.1 app', () => {
  let app: string;
  const env = () => ({ RUBYLIB: railsLib, ZERO_RECORD_BIN: cliBin, RAILS_ENV: 'development' });

  beforeAll(async () => {
    requireRuby(['rails', 'rails/generators', 'active_record/railtie']);
    app = join(temp, 'app');
    await cp(fixtureApp, app, { recursive: true });
  });

  it('db:schema:load regenerates the TypeScript once, identical to the static path', async () => {
    const load = run('ruby', ['bin/rails', 'db:schema:load'], { cwd: app, env: env() });
    expect(load.status, load.stderr).toBe(0);
    expect(load.stdout.match(/zero-record generate: 7 models/g)).toHaveLength(1);
    const models = join(app, 'app', 'javascript', 'models');
    expect(await readdir(models)).toEqual(expect.arrayContaining(['job.active.ts', 'job.reactive.ts', 'job.config.ts', 'schema.ts']));
    // The static path (no Ruby) finds every file the Rails path wrote up to date.
    const check = run('node', [cliBin, 'generate', '--from', '.', '--check'], { cwd: app });
    expect(check.stdout, check.stderr).toContain('check: every generated file is up to date');
    expect(check.status).toBe(0);
  });

  it('rails g zero_record:models and rails zero_record:generate describe the same models', async () => {
    const generator = run('ruby', ['bin/rails', 'g', 'zero_record:models', '--json-only'], { cwd: app, env: env() });
    expect(generator.status, generator.stderr).toBe(0);
    expect(generator.stdout).toContain('zero_record: unchanged tmp/zero_record/models.json');
    const task = run('ruby', ['bin/rails', 'zero_record:generate'], { cwd: app, env: env() });
    expect(task.status, task.stderr).toBe(0);
    expect(task.stdout).toContain('files: 24 unchanged, 3 stub-kept');
    // With load_defaults 6.1, belongs_to adds presence validators; the description leaves them out, as documented.
    const description: unknown = JSON.parse(await readFile(join(app, 'tmp', 'zero_record', 'models.json'), 'utf8'));
    expect(description).toEqual(await describeRailsApp(fixtureApp));
  });

  it('with watch on, editing a model in development regenerates on the next reload', async () => {
    const watch = run('ruby', [join(repoRoot, '__tests__', 'rails', 'watch.rb')], { cwd: app, env: { ...env(), ZERO_RECORD_WATCH: '1' } });
    expect(watch.status, watch.stderr).toBe(0);
    expect(watch.stdout).toContain('files: 23 unchanged, 3 stub-kept, 1 written');
    const config = await readFile(join(app, 'app', 'javascript', 'models', 'task.config.ts'), 'utf8');
    expect(config).toContain('todo: (r) => r.where({ done: false }).order({ position: "asc" }),');
  });
});
