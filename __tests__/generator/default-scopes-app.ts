/**
 * A Rails app with default scopes, its rows, and what each model's reads answer. Shared by the generator test (the
 * generated `defaultScope`s over a local Zero) and the Rails tier (the same reads in Active Record 6.1 over SQLite), so
 * the answers asserted here are Rails' own.
 */
export const DEFAULT_SCOPES_APP: Record<string, string> = {
  'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "jobs", id: :string, force: :cascade do |t|
    t.string "title"
    t.integer "position"
    t.datetime "deleted_at"
  end
  create_table "comments", id: :string, force: :cascade do |t|
    t.string "body"
    t.datetime "deleted_at"
  end
  create_table "tasks", id: :string, force: :cascade do |t|
    t.string "title"
    t.boolean "done", default: false, null: false
  end
  create_table "notes", id: :string, force: :cascade do |t|
    t.string "body"
    t.boolean "hidden", default: false, null: false
  end
end
`,
  'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n',
  'app/models/job.rb': `class Job < ApplicationRecord
  default_scope { where(deleted_at: nil) }
  default_scope -> { order(:position) }
end
`,
  'app/models/soft_deletable.rb': `class SoftDeletable < ApplicationRecord
  self.abstract_class = true
  default_scope { where(deleted_at: nil) }
end
`,
  'app/models/comment.rb': `class Comment < SoftDeletable
  default_scope do
    order(body: :desc)
  end
end
`,
  'app/models/task.rb': `class Task < ApplicationRecord
  default_scope { where(done: false) }
  default_scope { where("title <> ''") }
end
`,
  'app/models/concerns/visible.rb': `module Visible
  extend ActiveSupport::Concern

  included do
    default_scope { where(hidden: false) }
  end
end
`,
  'app/models/note.rb': 'class Note < ApplicationRecord\n  include Visible\nend\n',
};

const DELETED = Date.UTC(2024, 0, 1);

/** Rows by model class, in primary key order (the order Active Record's SQLite and Zero read them unordered). */
export const DEFAULT_SCOPES_ROWS: Record<string, Record<string, string | number | boolean | null>[]> = {
  Job: [
    { id: 'j1', title: 'a', position: 3, deleted_at: null },
    { id: 'j2', title: 'b', position: 1, deleted_at: DELETED },
    { id: 'j3', title: 'c', position: 2, deleted_at: null },
    { id: 'j4', title: 'd', position: 1, deleted_at: null },
  ],
  Comment: [
    { id: 'c1', body: 'alpha', deleted_at: null },
    { id: 'c2', body: 'gamma', deleted_at: DELETED },
    { id: 'c3', body: 'beta', deleted_at: null },
  ],
};

/** A read of a model: `all`, `unscoped`, or `find(id)`; the ids it answers in its order, or `not found`. */
export const DEFAULT_SCOPE_CASES: Array<{ model: string; read: 'all' | 'unscoped' | 'find'; id?: string; answer: string[] | 'not found' }> = [
  { model: 'Job', read: 'all', answer: ['j4', 'j3', 'j1'] },
  { model: 'Job', read: 'unscoped', answer: ['j1', 'j2', 'j3', 'j4'] },
  { model: 'Job', read: 'find', id: 'j3', answer: ['j3'] },
  { model: 'Job', read: 'find', id: 'j2', answer: 'not found' },
  { model: 'Comment', read: 'all', answer: ['c3', 'c1'] },
  { model: 'Comment', read: 'unscoped', answer: ['c1', 'c2', 'c3'] },
  { model: 'Comment', read: 'find', id: 'c2', answer: 'not found' },
];
