# Rails schema of the "wild" job board (__testfixtures__/wild): the tables its legacy models
# (src/lib/zero/models/*.generated.ts) and its Zero schema (src/lib/zero/schema.ts) mirror.
# Timestamps reach Zero as epoch milliseconds.

ActiveRecord::Schema.define(version: 2026_11_26_120000) do

  create_table "clients", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "city"
    t.datetime "created_at", precision: 6, null: false
  end

  create_table "jobs", id: :string, force: :cascade do |t|
    t.string "title", null: false
    t.string "status", default: "draft", null: false
    t.integer "priority", default: 0, null: false
    t.string "client_id"
    t.string "assignee_id"
    t.datetime "due_at"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["assignee_id"], name: "index_jobs_on_assignee_id"
    t.index ["client_id"], name: "index_jobs_on_client_id"
    t.index ["status"], name: "index_jobs_on_status"
  end

  create_table "tasks", id: :string, force: :cascade do |t|
    t.string "job_id", null: false
    t.string "title", null: false
    t.boolean "done", default: false, null: false
    t.integer "position", default: 0, null: false
    t.datetime "created_at", precision: 6, null: false
    t.index ["job_id"], name: "index_tasks_on_job_id"
  end

  create_table "users", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "email", null: false
    t.string "role", default: "technician", null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end

  add_foreign_key "jobs", "clients"
  add_foreign_key "jobs", "users", column: "assignee_id"
  add_foreign_key "tasks", "jobs"
end
