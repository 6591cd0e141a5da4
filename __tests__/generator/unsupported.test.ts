/**
 * Rails as outside apps write it, where the generated models cannot carry it: each construct is reported (or
 * translated faithfully), never dropped silently nor made wrong. Found by a session that wrote a Rails 7 app without
 * reading the generator; each case here is one of its findings, on the static path (and the Rails path's notes).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { generate } from '../../generator/generate.ts';
import { convertRubyRegexp } from '../../generator/ruby-regexp.ts';
import { sourceNotes } from '../../generator/source-notes.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { writeApp } from './support.ts';

const SCHEMA = `ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "posts", id: :string, force: :cascade do |t|
    t.string "title"
    t.string "email"
    t.datetime "deleted_at"
    t.string "password_digest"
    t.json "settings"
    t.string "legacy_flag"
    t.integer "seats"
    t.enum "mood", enum_type: "mood", default: "meh", null: false
  end
  create_table "videos", id: :string, force: :cascade do |t|
    t.string "title"
  end
  create_table "taggings", id: :string, force: :cascade do |t|
    t.string "tag_id"
    t.string "taggable_id"
    t.string "taggable_type"
  end
  create_table "tags", force: :cascade do |t|
    t.string "name"
  end
  create_table "memberships", id: :string, force: :cascade do |t|
    t.string "post_id"
    t.string "user_id"
    t.boolean "active"
  end
  create_table "users", id: :string, force: :cascade do |t|
    t.string "name"
  end
end
`;

const MODELS: Record<string, string> = {
  'application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  primary_abstract_class\nend\n',
  'concerns/archivable.rb': 'module Archivable\n  extend ActiveSupport::Concern\nend\n',
  'post.rb': `class Post < ApplicationRecord
  include Archivable
  include Comparable
  HELP = <<~TEXT
    default_scope is how we hide drafts
    validate :in_heredoc
  TEXT
  default_scope { where(deleted_at: nil) }
  scope :titled, ->(title) { where(title:) }
  scope :elsewhere, ->(title, email) { where.not(title:, email:) }
  scope :mine, -> { where(email:) }
  has_many :taggings, as: :taggable
  has_many :tags, through: :taggings
  has_many :active_memberships, -> { where(active: true) }, class_name: "Membership"
  has_many :members, through: :active_memberships, source: :user
  has_one :latest_membership, -> { order(id: :desc) }, class_name: "Membership"
  has_secure_password
  normalizes :email, with: ->(e) { e.strip.downcase }
  store_accessor :settings, :theme
  validates_associated :active_memberships
  alias_attribute :headline, :title
  self.ignored_columns += ["legacy_flag"]
  attribute :seats, :integer, default: 5
  validate :title_is_polite
  validates_with PostValidator
  # validate :commented_out
  with_options presence: true do |post|
    post.validates :title
  end
  validates :title, length: { maximum: 80, too_long: "is too long (max %{count})" }
  validates :seats, numericality: { only_integer: true, in: 0..4 }
  validates :email, format: { with: /\\A[[:alpha:]@.]+\\z/ }

  def self.popular
    where.not(title: nil)
  end

  class Error < StandardError
    def self.build
      new('x')
    end
  end
end

class PostArchive
  def self.build
    new
  end
end
`,
  'video.rb': 'class Video < ApplicationRecord\n  has_many :taggings, as: :taggable\nend\n',
  'tagging.rb': 'class Tagging < ApplicationRecord\n  belongs_to :tag\n  belongs_to :taggable, polymorphic: true\nend\n',
  'tag.rb': 'class Tag < ApplicationRecord\nend\n',
  'membership.rb': 'class Membership < ApplicationRecord\n  belongs_to :post\n  belongs_to :user, default: -> { Current.user }\n  delegate :title, :email, to: :post, allow_nil: true\n  delegate :name, to: :user, prefix: true\nend\n',
  'user.rb': 'class User < ApplicationRecord\nend\n',
};

let root: string;
let description: AppDescription;
let notes: string[];

beforeAll(async () => {
  root = await writeApp('zero-record-unsupported-', { 'db/schema.rb': SCHEMA, ...Object.fromEntries(Object.entries(MODELS).map(([name, text]) => [`app/models/${name}`, text])) });
  description = await describeRailsApp(root);
  const { report } = await generate(description);
  notes = [...report.notes, ...(await sourceNotes(root, description, 'static'))].map((n) => `${n.model}: ${n.message}`);
});

describe('associations Zero cannot read as Rails does are left out, with the reason', () => {
  it('a has_many :through over a polymorphic association (joined on the key alone it would read other models\' rows)', () => {
    expect(notes).toContain("Post: association tags has no Zero relationship: through 'taggings': polymorphic associations have no Zero relationship (Zero cannot filter on the type column)");
  });

  it('a scoped has_one (a one-row relationship over rows the scope would leave out fails once there are two)', () => {
    expect(notes).toContainEqual(expect.stringMatching(/^Post: association latest_membership has no Zero relationship: a has_one with a scope/));
  });

  it('a through over a scoped association says its rows are not filtered', () => {
    expect(notes).toContain("Post: association members: the scope (the lambda) of 'active_memberships' it goes through is not applied: its rows are not filtered by it");
  });
});

describe('scopes', () => {
  it("Ruby 3.1's where(title:) reads the lambda parameter title, as where(title: title) does; a name that is no parameter is a method call, left by hand", async () => {
    const { files, report } = await generate(description);
    const config = files.find((f) => f.path === 'post.config.ts')?.content;
    expect(config).toContain('titled: (r, title: string | readonly string[]) => r.where({ title: title }),');
    expect(config).toContain('elsewhere: (r, title: string | readonly string[], email: string | readonly string[]) => r.not({ title: title, email: email }),');
    expect(report.customScopes.map((s) => `${s.scope}: ${s.reason}`)).toContain("mine: the value for 'email' is not a literal or a scope parameter");
  });
});

describe('column types', () => {
  it('a PostgreSQL enum column without a Rails enum is a string (it was left out, and a NOT NULL one blocked every insert)', async () => {
    const { files } = await generate(description);
    expect(files.find((f) => f.path === 'schema.ts')?.content).toMatch(/mood: z\.string\(\),/);
    expect(notes.filter((n) => n.includes('mood'))).toEqual([]);
  });
});

describe('what a model file declares and the models do not carry is named', () => {
  it.each([
    ['validate :method', /^Post: validate :title_is_polite runs in Rails only/],
    ['validates_with', /^Post: validates_with PostValidator runs in Rails only/],
    ['normalizes', /^Post: normalizes :email is not applied/],
    ['store_accessor', /^Post: store_accessor :settings: its keys \(:theme\) are not attributes here/],
    ['has_secure_password', /^Post: has_secure_password: .*password_digest is synced to every client/],
    ['a class method', /^Post: class methods \(self\.popular\) are not generated/],
    ['validates_associated', /^Post: validates_associated :active_memberships runs in Rails only/],
    ['alias_attribute', /^Post: alias_attribute :headline is not an attribute here/],
    ['a concern (static path)', /^Post: include Archivable: the static path reads no concern/],
    ['attribute (static path)', /^Post: attribute :seats: the static path does not read it/],
    ['ignored_columns (static path)', /^Post: ignored_columns: the static path syncs those columns/],
    ['options a rule does not carry', /^Post: validation title: length: too_long not carried/],
    ['numericality in:', /^Post: validation seats: numericality: in not carried/],
    ['a POSIX bracket expression', /^Post: validation email: format: POSIX bracket expressions like \[\[:alpha:\]\] have no JavaScript equivalent/],
    ['an integer primary key', /^Tag: id: a primary key of type integer is not generated by create/],
    ['delegate', /^Membership: delegate :title, :email to post: the delegated methods are not defined here; read them through post$/],
    ['delegate with prefix:', /^Membership: delegate :name to user \(as user_name\): the delegated methods are not defined here; read them through user$/],
    ["a belongs_to's default:", /^Membership: belongs_to :user: its default: is not applied \(Rails sets it on create when none is given\)/],
  ])('%s', (_construct, note) => {
    expect(notes).toContainEqual(expect.stringMatching(note));
  });

  it('a belongs_to without default: says nothing (its other options are carried or noted where they are read)', () => {
    expect(notes.filter((n) => n.includes('belongs_to :post'))).toEqual([]);
  });

  it("with_options's options reach the validations in its block, as Rails merges them (with or without a block parameter)", async () => {
    const post = description.models.find((m) => m.class_name === 'Post')!;
    expect(post.validations['title']?.map((v) => v.kind)).toEqual(['presence', 'length']);
    expect(notes.filter((n) => n.includes('with_options'))).toEqual([]);
  });

  it('comments, heredocs, library modules, other classes in the file and their class methods say nothing; the Rails path is told only what it does not carry itself', async () => {
    expect(notes.filter((n) => /commented_out|in_heredoc|Comparable|self\.build|PostArchive/.test(n))).toEqual([]);
    expect(notes.filter((n) => n.startsWith('Post: class methods'))).toEqual(['Post: class methods (self.popular) are not generated: one that is a scope (returns a relation) is missing; write it as a scope, or in the model\'s .scopes.ts']);
    const rails = (await sourceNotes(root, description, 'rails')).map((n) => n.message);
    expect(rails).toContain('include Archivable: the scopes a concern declares are not generated (its default scope, validations and associations are)');
    expect(rails.filter((n) => /with_options|attribute :seats|ignored_columns|static path/.test(n))).toEqual([]);
  });
});

describe("Ruby regexps as JavaScript reads them (each answer checked with Ruby's =~)", () => {
  it('a Unicode property keeps its meaning with the u flag', () => {
    const converted = convertRubyRegexp({ regexp: '\\A\\p{L}+\\z', flags: '' });
    expect(converted).toEqual({ ok: true, source: '^\\p{L}+$', flags: 'u' });
    if (!converted.ok) return;
    // Ruby: "José" =~ /\A\p{L}+\z/ matches, "plain" matches, "x1" does not.
    expect(['José', 'plain', 'x1'].map((v) => new RegExp(converted.source, converted.flags).test(v))).toEqual([true, true, false]);
  });

  it.each([
    // Each row: the Ruby regexp, sample values, and what Ruby's =~ answers for them.
    ['\\A[\\h-]+\\z', ['abc-12', 'h-'], [true, false]],
    ["\\A[\\p{L}\\s\\'\\-]+\\z", ['Anne-Marie', "O'Neil", 'x1'], [true, true, false]],
    ['\\A[\\p{L}\\d\\_\\.]+\\z', ['jo_se.1', 'a b'], [true, false]],
    ['\\A\\p{L}+\\-\\d+\\z', ['ab-12', 'ab12'], [true, false]],
    ['\\A\\p{L}+ \\#\\d+\\z', ['ab #1', 'ab 1'], [true, false]],
  ])('%s answers as Ruby does (\\h in a class; escapes the u flag refuses)', (regexp, values, ruby) => {
    const converted = convertRubyRegexp({ regexp, flags: '' });
    if (!converted.ok) throw new Error(converted.reason);
    expect(values.map((v) => new RegExp(converted.source, converted.flags).test(v))).toEqual(ruby);
  });

  it('a nested character class, which JavaScript would read as a literal [, is refused', () => {
    expect(convertRubyRegexp({ regexp: '\\A[a-z[0-9]]+\\z', flags: '' })).toEqual({ ok: false, reason: 'nested character classes like [a-z[0-9]] have no JavaScript equivalent' });
  });
});

describe('namespaced models, as Rails names their tables and keys', () => {
  it('Billing::Invoice reads `invoices`, or `billing_invoices` under the module\'s table_name_prefix; its has_many keys on invoice_id', async () => {
    const app = await writeApp('zero-record-namespaced-', {
      'db/schema.rb': `ActiveRecord::Schema[7.1].define(version: 1) do
  create_table "invoices", id: :string, force: :cascade do |t|
    t.string "number"
  end
  create_table "billing_line_items", id: :string, force: :cascade do |t|
    t.string "invoice_id"
  end
end
`,
      'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  primary_abstract_class\nend\n',
      'app/models/billing/invoice.rb': 'class Billing::Invoice < ApplicationRecord\n  self.table_name = "invoices"\n  has_many :line_items, class_name: "Billing::LineItem"\nend\n',
      // What `bin/rails g model billing/line_item` writes.
      'app/models/billing.rb': 'module Billing\n  def self.table_name_prefix\n    "billing_"\n  end\nend\n',
      'app/models/billing/line_item.rb': 'class Billing::LineItem < ApplicationRecord\n  belongs_to :invoice, class_name: "Billing::Invoice"\nend\n',
    });
    const described = await describeRailsApp(app);
    expect(described.models.map((m) => [m.class_name, m.table])).toEqual([['Billing::Invoice', 'invoices'], ['Billing::LineItem', 'billing_line_items']]);
    // Rails: Billing::Invoice.reflect_on_association(:line_items).foreign_key is "invoice_id".
    expect(described.models[0]!.associations.find((a) => a.name === 'line_items')?.foreign_key).toBe('invoice_id');
    // Without self.table_name, and with no prefix in the module: Rails' own name, `invoices`.
    await writeFile(join(app, 'app/models/billing/invoice.rb'), 'class Billing::Invoice < ApplicationRecord\nend\n');
    await writeFile(join(app, 'app/models/billing.rb'), 'module Billing\nend\n');
    expect((await describeRailsApp(app)).models.map((m) => [m.class_name, m.table])).toEqual([['Billing::Invoice', 'invoices']]);
  });
});

describe('a table whose primary key has no Zero type', () => {
  it('is not generated, with the reason (its schema would not compile, nor load in Zero)', async () => {
    const events: AppDescription = {
      version: 2,
      skipped: [],
      models: [
        {
          class_name: 'Event', table: 'events', primary_key: 'id', file: 'app/models/event.rb', enums: [], associations: [], validations: {}, scopes: [],
          columns: [
            { name: 'id', type: 'point', null: false, default: null, default_function: null, array: false },
            { name: 'name', type: 'string', null: true, default: null, default_function: null, array: false },
          ],
        },
      ],
    };
    const { report } = await generate(events);
    expect(report.models).toEqual([]);
    expect(report.skippedModels).toContainEqual({ className: 'Event', file: 'app/models/event.rb', reason: expect.stringMatching(/^its primary key id: column type 'point' has no Zero equivalent/) });
  });
});

describe('table names Rails computes for nested classes and modules (each checked with ActiveRecord 6.1: table_name)', () => {
  it('the innermost module prefix, a one-line prefix, and a class nested in a model class', async () => {
    const app = await writeApp('zero-record-tables-', {
      'db/schema.rb': ['a_ds', 'billing_thing2s', 'things', 'thing_parts', 'billing_thing2_parts']
        .map((t) => `  create_table "${t}", id: :string do |t|\n  end\n`)
        .join('')
        .replace(/^/, 'ActiveRecord::Schema.define(version: 1) do\n')
        .concat('end\n'),
      'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n',
      'app/models/a.rb': 'module A\n  def self.table_name_prefix\n    "a_"\n  end\nend\n',
      'app/models/a/b.rb': 'module A\n  module B\n    def self.table_name_prefix\n      "a_b_"\n    end\n  end\nend\n',
      'app/models/a/d.rb': 'class A::D < ApplicationRecord\nend\n',
      'app/models/billing.rb': 'module Billing\n  def self.table_name_prefix = "billing_"\nend\n',
      'app/models/billing/thing2.rb': 'class Billing::Thing2 < ApplicationRecord\n  class Part < ApplicationRecord\n  end\nend\n',
      'app/models/thing.rb': 'class Thing < ApplicationRecord\n  class Part < ApplicationRecord\n  end\nend\n',
    });
    // Rails: [A::D, Billing::Thing2, Thing::Part, Billing::Thing2::Part].map(&:table_name)
    //   => ["a_ds", "billing_thing2s", "thing_parts", "billing_thing2_parts"]
    const tables = Object.fromEntries((await describeRailsApp(app)).models.map((m) => [m.class_name, m.table]));
    expect(tables).toEqual({ 'A::D': 'a_ds', 'Billing::Thing2': 'billing_thing2s', 'Thing::Part': 'thing_parts', 'Billing::Thing2::Part': 'billing_thing2_parts', Thing: 'things' });
  });
});

describe("a required belongs_to's error comes where the belongs_to is declared, as Rails adds its presence validator there", () => {
  it('between the validates declared before and after it; an optional one has none', async () => {
    const app = await writeApp('zero-record-belongs-to-order-', {
      'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "memberships", id: :string, force: :cascade do |t|
    t.string "role"
    t.string "note"
    t.string "project_id"
    t.string "user_id"
    t.string "team_id"
  end
end
`,
      'app/models/membership.rb': `class Membership < ActiveRecord::Base
  validates :role, presence: true
  belongs_to :project
  validates :note, presence: true
  belongs_to :user
  belongs_to :team, optional: true
end
`,
    });
    const described = await describeRailsApp(app);
    expect(described.models[0]!.validations).toEqual({ role: [{ kind: 'presence', options: {} }], project: [], note: [{ kind: 'presence', options: {} }], user: [] });
    const config = (await generate(described)).files.find((f) => f.path === 'membership.config.ts')?.content;
    // ActiveRecord 6.1 (belongs_to_required_by_default): Membership.new.tap(&:valid?).errors.full_messages
    //   => ["Role can't be blank", "Project must exist", "Note can't be blank", "User must exist"]
    expect(config).toContain(
      [
        '  validations: {',
        '    role: [{ kind: "presence" }],',
        '    project_id: [{ kind: "presence", message: "must exist", attribute: "project" }],',
        '    note: [{ kind: "presence" }],',
        '    user_id: [{ kind: "presence", message: "must exist", attribute: "user" }],',
        '  },',
      ].join('\n'),
    );
  });
});
