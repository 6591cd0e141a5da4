/**
 * A Rails app with single-table inheritance (SuperAdmin < Admin < User on `users`), its rows, and what reads of its
 * models answer. Shared by the generator test (the generated models over a local Zero) and the Rails tier (the same
 * reads in Active Record 6.1 over SQLite), so the answers asserted here are Rails' own.
 */
export const STI_APP: Record<string, string> = {
  'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "groups", id: :string, force: :cascade do |t|
    t.string "name"
  end
  create_table "users", id: :string, force: :cascade do |t|
    t.string "type"
    t.string "name"
    t.string "group_id"
    t.boolean "active", default: true, null: false
  end
  create_table "audit_logs", id: :string, force: :cascade do |t|
    t.string "action"
    t.string "admin_id"
  end
end
`,
  'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n',
  'app/models/group.rb': `class Group < ApplicationRecord
  has_many :users
  has_many :admins
end
`,
  'app/models/user.rb': `class User < ApplicationRecord
  belongs_to :group, optional: true
  scope :active, -> { where(active: true) }
  scope :search, ->(q) { where("name LIKE ?", q) }
  validates :name, presence: true
end
`,
  'app/models/admin.rb': `class Admin < User
  has_many :audit_logs
  scope :named, ->(name) { where(name: name) }
  validates :name, length: { minimum: 2 }
end
`,
  'app/models/super_admin.rb': 'class SuperAdmin < Admin\nend\n',
  'app/models/audit_log.rb': `class AuditLog < ApplicationRecord
  belongs_to :admin, optional: true
end
`,
};

/** Rows by model class: users through the base class, whose rows may hold any type (Rails' insert_all writes them as given). */
export const STI_ROWS: Record<string, Record<string, string | boolean | null>[]> = {
  Group: [{ id: 'g1', name: 'One' }, { id: 'g2', name: 'Two' }],
  User: [
    { id: 'a1', type: 'Admin', name: 'Ada', group_id: 'g1', active: true },
    { id: 'a2', type: 'Admin', name: 'Alan', group_id: 'g2', active: false },
    { id: 's1', type: 'SuperAdmin', name: 'Sue', group_id: 'g2', active: true },
    { id: 'u1', type: null, name: 'Uma', group_id: 'g1', active: true },
    { id: 'u2', type: null, name: 'Ugo', group_id: 'g2', active: false },
  ],
  AuditLog: [{ id: 'l1', action: 'grant', admin_id: 'a1' }, { id: 'l2', action: 'revoke', admin_id: 'u1' }],
};

/**
 * A read of a model, run in this order: a chain of relation methods from the model (`[['where', { group_id: 'g1' }]]`,
 * `[]` for `all`) answering the ids in id order; `find` of an id (`not found`, or the association's ids in id order);
 * `create` answering the new record's type.
 */
export type StiCase =
  | { model: string; chain: [string, ...unknown[]][]; answer: string[] }
  | { model: string; find: string; association?: string; answer: string[] | 'not found' }
  | { model: string; create: Record<string, string>; answer: string };

export const STI_CASES: StiCase[] = [
  { model: 'User', chain: [], answer: ['a1', 'a2', 's1', 'u1', 'u2'] },
  { model: 'Admin', chain: [], answer: ['a1', 'a2', 's1'] },
  { model: 'SuperAdmin', chain: [], answer: ['s1'] },
  { model: 'Admin', chain: [['where', { group_id: 'g2' }]], answer: ['a2', 's1'] },
  { model: 'Admin', chain: [['active']], answer: ['a1', 's1'] },
  { model: 'Admin', chain: [['named', 'Sue']], answer: ['s1'] },
  { model: 'SuperAdmin', chain: [['named', 'Ada']], answer: [] },
  { model: 'Admin', chain: [['unscoped']], answer: ['a1', 'a2', 's1'] },
  { model: 'Admin', find: 'u1', answer: 'not found' },
  { model: 'Admin', find: 's1', answer: ['s1'] },
  { model: 'Group', find: 'g2', association: 'admins', answer: ['a2', 's1'] },
  { model: 'Group', find: 'g2', association: 'users', answer: ['a2', 's1', 'u2'] },
  { model: 'Admin', find: 'a1', association: 'audit_logs', answer: ['l1'] },
  { model: 'AuditLog', find: 'l2', association: 'admin', answer: [] },
  { model: 'Admin', create: { id: 'a9', name: 'Newt' }, answer: 'Admin' },
  { model: 'SuperAdmin', create: { id: 's9', name: 'Sam' }, answer: 'SuperAdmin' },
  { model: 'Admin', chain: [], answer: ['a1', 'a2', 'a9', 's1', 's9'] },
];
