# This file is auto-generated from the current state of the database. Instead
# of editing this file, please use the migrations feature of Active Record to
# incrementally modify your database, and then regenerate this schema definition.
#
# This file is the source Rails uses to define your schema when running `bin/rails
# db:schema:load`. When creating a new database, `bin/rails db:schema:load` tends to
# be faster and is potentially less error prone than running all of your
# migrations from scratch. Old migrations may fail to apply correctly if those
# migrations use external dependencies or application code.
#
# It's strongly recommended that you check this file into your version control system.

ActiveRecord::Schema[7.1].define(version: 2025_12_03_102244) do
  # These are extensions that must be enabled in order to support this database
  enable_extension "plpgsql"

  create_table "case_notes", id: :string, force: :cascade do |t|
    t.string "case_id", null: false
    t.string "author", null: false
    t.text "body", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["case_id", "created_at"], name: "index_case_notes_on_case_id_and_created_at"
    t.index ["case_id"], name: "index_case_notes_on_case_id"
  end

  create_table "cases", id: :string, force: :cascade do |t|
    t.string "case_number", null: false
    t.string "practice_id", null: false
    t.string "technician_id"
    t.string "patient_ref", null: false
    t.string "status", default: "received", null: false
    t.boolean "rush", default: false, null: false
    t.string "shade"
    t.datetime "due_at", null: false
    t.datetime "received_at", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["case_number"], name: "index_cases_on_case_number", unique: true
    t.index ["due_at"], name: "index_cases_on_due_at"
    t.index ["practice_id"], name: "index_cases_on_practice_id"
    t.index ["status", "due_at"], name: "index_cases_on_status_and_due_at"
    t.index ["technician_id"], name: "index_cases_on_technician_id"
  end

  create_table "practices", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "dentist_name", null: false
    t.string "account_code", null: false
    t.string "city", null: false
    t.string "phone"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["account_code"], name: "index_practices_on_account_code", unique: true
    t.index ["name"], name: "index_practices_on_name"
  end

  create_table "restorations", id: :string, force: :cascade do |t|
    t.string "case_id", null: false
    t.integer "tooth", null: false
    t.string "kind", null: false
    t.string "material", null: false
    t.string "shade"
    t.boolean "completed", default: false, null: false
    t.integer "position", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["case_id", "position"], name: "index_restorations_on_case_id_and_position"
    t.index ["case_id"], name: "index_restorations_on_case_id"
  end

  create_table "technicians", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "specialty", null: false
    t.boolean "active", default: true, null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["active"], name: "index_technicians_on_active"
  end

  add_foreign_key "case_notes", "cases"
  add_foreign_key "cases", "practices"
  add_foreign_key "cases", "technicians", on_delete: :nullify
  add_foreign_key "restorations", "cases"
end
