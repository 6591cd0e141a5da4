/**
 * A Rails app whose scopes join associations, its rows, and what each translated scope answers. Shared by the generator
 * test (the generated scopes over a local Zero) and the Rails tier (the same scopes in Active Record 6.1 over SQLite), so
 * the answers asserted here are Rails' own.
 */
export const JOIN_SCOPES_APP: Record<string, string> = {
  'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "clients", id: :string, force: :cascade do |t|
    t.string "name"
    t.integer "tier", default: 0, null: false
  end
  create_table "users", id: :string, force: :cascade do |t|
    t.string "name"
  end
  create_table "jobs", id: :string, force: :cascade do |t|
    t.string "title"
    t.string "client_id"
    t.string "owner_id"
  end
  create_table "tasks", id: :string, force: :cascade do |t|
    t.string "title"
    t.boolean "done", default: false, null: false
    t.string "job_id"
  end
  create_table "comments", id: :string, force: :cascade do |t|
    t.string "body"
    t.string "task_id"
  end
  create_table "taggings", id: :string, force: :cascade do |t|
    t.string "label"
    t.string "taggable_id"
    t.string "taggable_type"
  end
end
`,
  'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n',
  'app/models/client.rb': 'class Client < ApplicationRecord\n  has_many :jobs\n  enum tier: { free: 0, gold: 1 }\nend\n',
  'app/models/user.rb': 'class User < ApplicationRecord\n  has_many :owned_jobs, class_name: "Job", foreign_key: :owner_id\nend\n',
  'app/models/task.rb': 'class Task < ApplicationRecord\n  belongs_to :job, optional: true\n  has_many :comments\nend\n',
  'app/models/comment.rb': 'class Comment < ApplicationRecord\n  belongs_to :task, optional: true\nend\n',
  'app/models/tagging.rb': 'class Tagging < ApplicationRecord\n  belongs_to :taggable, polymorphic: true, optional: true\nend\n',
  'app/models/job.rb': `class Job < ApplicationRecord
  belongs_to :client, optional: true
  belongs_to :owner, class_name: "User", optional: true
  has_many :tasks
  has_many :taggings, as: :taggable

  scope :with_client, -> { joins(:client) }
  scope :staffed, -> { joins(:client, :tasks) }
  scope :discussed, -> { joins(tasks: :comments) }
  scope :discussed_tasks, -> { joins(tasks: [:comments, :job]) }
  scope :for_acme, -> { joins(:client).where(clients: { name: "Acme" }) }
  scope :for_client_named, ->(name) { where(client: { name: name }) }
  scope :gold, -> { joins(:client).where(clients: { tier: :gold }) }
  scope :not_acme, -> { joins(:client).where.not(clients: { name: "Acme" }) }
  scope :commented, ->(body) { joins(tasks: :comments).where(tasks: { done: false, comments: { body: body } }) }
  scope :owned_by_ann, -> { joins(:owner).where(users: { name: "Ann" }) }
  scope :with_owner, -> { where.associated(:owner) }
  scope :without_owner, -> { where.missing(:owner) }
  scope :with_open_tasks, -> { joins(:tasks).where(tasks: { done: false }).distinct }
  scope :titled_a, -> { where(jobs: { title: "a" }) }
  scope :titled, ->(title) { where(jobs: { title: title }) }
  scope :not_titled_a, -> { where.not(jobs: { title: "a" }) }
  scope :acme_titled, ->(title) { joins(:client).where(jobs: { title: title }, clients: { name: "Acme" }) }
  scope :titled_twice, -> { where(title: "a", jobs: { title: "b" }) }

  scope :with_tasks_left, -> { left_joins(:tasks) }
  scope :with_tasks_outer, -> { left_outer_joins(:tasks) }
  scope :without_tasks, -> { left_joins(:tasks).where(tasks: { id: nil }) }
  scope :by_client_name, -> { joins(:client).order("clients.name desc", :title) }
  scope :by_task_title, -> { joins(:tasks).order("tasks.title") }
  scope :nested_left, -> { left_joins(tasks: :comments) }
  scope :joined_by_sql, -> { joins("INNER JOIN clients ON clients.id = jobs.client_id") }
  scope :tagged, -> { joins(:taggings) }
  scope :tagged_as, ->(label) { where(taggings: { label: label }) }
  scope :by_comment, -> { where(comments: { body: "hi" }) }
  scope :client_table_in_client, -> { where(client: { clients: { name: "Acme" } }) }
  scope :of_tier, ->(tier) { joins(:client).where(clients: { tier: tier }) }
  scope :by_unknown, -> { joins(:supplier) }
end
`,
};

/** Rows by model class; j5 points at a client and an owner that do not exist (an INNER JOIN drops it). */
export const JOIN_SCOPES_ROWS: Record<string, Record<string, string | number | boolean | null>[]> = {
  Client: [
    { id: 'c1', name: 'Acme', tier: 1 },
    { id: 'c2', name: 'Globex', tier: 0 },
    { id: 'c3', name: 'Initech', tier: 1 },
  ],
  User: [
    { id: 'u1', name: 'Ann' },
    { id: 'u2', name: 'Bob' },
  ],
  Job: [
    { id: 'j1', title: 'a', client_id: 'c1', owner_id: 'u1' },
    { id: 'j2', title: 'b', client_id: 'c2', owner_id: 'u2' },
    { id: 'j3', title: 'c', client_id: 'c1', owner_id: null },
    { id: 'j4', title: 'd', client_id: null, owner_id: null },
    { id: 'j5', title: 'e', client_id: 'c9', owner_id: 'u9' },
  ],
  Task: [
    { id: 't1', title: 'paint', done: false, job_id: 'j1' },
    { id: 't2', title: 'tape', done: true, job_id: 'j1' },
    { id: 't3', title: 'pipe', done: true, job_id: 'j2' },
    { id: 't4', title: 'wire', done: false, job_id: 'j4' },
  ],
  Comment: [
    { id: 'm1', body: 'hi', task_id: 't1' },
    { id: 'm2', body: 'hi', task_id: 't3' },
    { id: 'm3', body: 'bye', task_id: 't4' },
  ],
};

export interface JoinScopeCase {
  scope: string;
  args: readonly unknown[];
  /** The job ids, sorted, each once (Rails' join repeats a job per task; the runtime's EXISTS, like `distinct`, does not). */
  ids: readonly string[];
  /** A join Rails needs before a scope that only names the joined table's columns (the runtime implies it). */
  railsJoin?: string;
}

export const JOIN_SCOPE_CASES: readonly JoinScopeCase[] = [
  { scope: 'with_client', args: [], ids: ['j1', 'j2', 'j3'] },
  { scope: 'staffed', args: [], ids: ['j1', 'j2'] },
  { scope: 'discussed', args: [], ids: ['j1', 'j2', 'j4'] },
  { scope: 'discussed_tasks', args: [], ids: ['j1', 'j2', 'j4'] },
  { scope: 'for_acme', args: [], ids: ['j1', 'j3'] },
  { scope: 'for_client_named', args: ['Globex'], ids: ['j2'], railsJoin: 'client' },
  { scope: 'for_client_named', args: [['Acme', 'Globex']], ids: ['j1', 'j2', 'j3'], railsJoin: 'client' },
  { scope: 'gold', args: [], ids: ['j1', 'j3'] },
  { scope: 'not_acme', args: [], ids: ['j2'] },
  { scope: 'commented', args: ['hi'], ids: ['j1'] },
  { scope: 'commented', args: ['bye'], ids: ['j4'] },
  { scope: 'owned_by_ann', args: [], ids: ['j1'] },
  { scope: 'with_owner', args: [], ids: ['j1', 'j2'] },
  { scope: 'without_owner', args: [], ids: ['j3', 'j4', 'j5'] },
  { scope: 'with_open_tasks', args: [], ids: ['j1', 'j4'] },
  { scope: 'titled_a', args: [], ids: ['j1'] },
  { scope: 'titled', args: [['b', 'c']], ids: ['j2', 'j3'] },
  { scope: 'not_titled_a', args: [], ids: ['j2', 'j3', 'j4', 'j5'] },
  { scope: 'acme_titled', args: [['a', 'b', 'c']], ids: ['j1', 'j3'] },
  { scope: 'titled_twice', args: [], ids: [] },
  { scope: 'with_tasks_left', args: [], ids: ['j1', 'j2', 'j3', 'j4', 'j5'] },
  { scope: 'with_tasks_outer', args: [], ids: ['j1', 'j2', 'j3', 'j4', 'j5'] },
  { scope: 'without_tasks', args: [], ids: ['j3', 'j5'] },
  { scope: 'by_client_name', args: [], ids: ['j1', 'j2', 'j3'] },
];
