/**
 * A Rails app whose belongs_to associations give `counter_cache:` in each of Rails' forms: `true`, a name, a constant
 * naming one, Rails 7.2's hash (`{ column: }`, `{ active: false }`), and what the static path cannot read (a method's
 * answer, a key Rails does not take). Shared by the generator test (the static path) and the Rails tier (the Ruby
 * describer in Active Record 6.1, which reads all but the hash form as Rails 7.2 does).
 */
export const COUNTER_CACHES_APP: Record<string, string> = {
  'db/schema.rb': `ActiveRecord::Schema.define(version: 1) do
  create_table "clients", force: :cascade do |t|
    t.string "name"
    t.integer "jobs_count", default: 0, null: false
    t.integer "open_jobs_count", default: 0, null: false
    t.integer "visits_count", default: 0, null: false
    t.integer "visits_total", default: 0, null: false
  end
  create_table "jobs", force: :cascade do |t|
    t.integer "client_id"
    t.integer "owner_id"
    t.integer "tasks_count", default: 0, null: false
    t.integer "notes_tally", default: 0, null: false
    t.integer "comments_count", default: 0, null: false
  end
  create_table "tasks", force: :cascade do |t|
    t.integer "job_id"
    t.integer "remarks_count", default: 0, null: false
  end
  create_table "notes", force: :cascade do |t|
    t.integer "job_id"
  end
  create_table "comments", force: :cascade do |t|
    t.integer "task_id"
    t.integer "job_id"
  end
  create_table "visits", force: :cascade do |t|
    t.integer "client_id"
    t.integer "job_id"
  end
end
`,
  'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n',
  'app/models/client.rb': 'class Client < ApplicationRecord\n  has_many :jobs\nend\n',
  'app/models/job.rb': `class Job < ApplicationRecord
  belongs_to :client, optional: true, counter_cache: { column: :open_jobs_count }
  belongs_to :owner, class_name: "Client", optional: true, counter_cache: true
  has_many :tasks
end
`,
  'app/models/task.rb': 'class Task < ApplicationRecord\n  belongs_to :job, optional: true, counter_cache: { active: false }\nend\n',
  'app/models/note.rb': 'class Note < ApplicationRecord\n  belongs_to :job, optional: true, counter_cache: :notes_tally\nend\n',
  'app/models/comment.rb': `class Comment < ApplicationRecord
  COUNT = :remarks_count
  belongs_to :task, optional: true, counter_cache: COUNT
  belongs_to :job, optional: true, counter_cache: { colum: :comments_total }
end
`,
  'app/models/visit.rb': `class Visit < ApplicationRecord
  def self.count_column
    :visits_total
  end
  belongs_to :client, optional: true, counter_cache: count_column
  belongs_to :job, optional: true, counter_cache: { column: "visits_" + "tally" }
end
`,
};
