# This file is auto-generated from the current state of the database. Instead
# of editing this file, please use the migrations feature of Active Record to
# incrementally modify your database, and then regenerate this schema definition.

ActiveRecord::Schema.define(version: 2024_03_01_090000) do

  create_table "assignments", id: :string, force: :cascade do |t|
    t.string "job_id", null: false
    t.string "user_id", null: false
    t.string "role", default: "worker", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["job_id", "user_id"], name: "index_assignments_on_job_id_and_user_id", unique: true
  end

  create_table "cases", id: :string, force: :cascade do |t|
    t.string "kind", default: "default", null: false
    t.string "class"
    t.string "function"
    t.string "__proto__"
    t.string "note", default: "it's a */ \"quoted\" ${value} `tick` \\ back"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  create_table "clients", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "email"
    t.boolean "archived", default: false, null: false
    t.integer "jobs_count", default: 0, null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["email"], name: "index_clients_on_email", unique: true
  end

  create_table "invoices", id: :string, force: :cascade do |t|
    t.string "job_id", null: false
    t.string "number", null: false
    t.decimal "amount", precision: 10, scale: 2, default: "0.0", null: false
    t.date "due_on"
    t.boolean "paid", default: false, null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  create_table "jobs", id: :string, force: :cascade do |t|
    t.string "title", null: false
    t.text "description"
    t.string "status", default: "draft", null: false
    t.integer "priority", default: 1, null: false
    t.string "reference"
    t.float "budget"
    t.json "metadata"
    t.string "client_id", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["client_id"], name: "index_jobs_on_client_id"
    t.index ["status"], name: "index_jobs_on_status"
  end

  create_table "tasks", id: :string, force: :cascade do |t|
    t.string "job_id", null: false
    t.string "title", null: false
    t.boolean "done", default: false, null: false
    t.integer "position", default: 0, null: false
    t.datetime "due_at"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["job_id"], name: "index_tasks_on_job_id"
  end

  create_table "users", id: :string, force: :cascade do |t|
    t.string "email", null: false
    t.string "name"
    t.string "role", default: "member", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end

  add_foreign_key "assignments", "jobs"
  add_foreign_key "assignments", "users"
  add_foreign_key "invoices", "jobs"
  add_foreign_key "jobs", "clients"
  add_foreign_key "tasks", "jobs"
end
