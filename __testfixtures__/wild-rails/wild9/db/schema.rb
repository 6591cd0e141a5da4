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

ActiveRecord::Schema[7.1].define(version: 2025_11_14_191205) do
  # These are extensions that must be enabled in order to support this database
  enable_extension "plpgsql"

  create_table "boats", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "sail_number", null: false
    t.string "class_name", null: false
    t.decimal "length_m", precision: 5, scale: 2, null: false
    t.string "owner_id"
    t.boolean "active", default: true, null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["owner_id"], name: "index_boats_on_owner_id"
    t.index ["sail_number"], name: "index_boats_on_sail_number", unique: true
  end

  create_table "members", id: :string, force: :cascade do |t|
    t.string "first_name", null: false
    t.string "last_name", null: false
    t.string "email", null: false
    t.string "phone"
    t.boolean "active", default: true, null: false
    t.datetime "renewed_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["email"], name: "index_members_on_email", unique: true
    t.index ["last_name", "first_name"], name: "index_members_on_last_name_and_first_name"
  end

  create_table "race_entries", id: :string, force: :cascade do |t|
    t.string "race_id", null: false
    t.string "member_id", null: false
    t.string "boat_id"
    t.string "role", null: false
    t.integer "position"
    t.integer "elapsed_s"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["boat_id"], name: "index_race_entries_on_boat_id"
    t.index ["member_id"], name: "index_race_entries_on_member_id"
    t.index ["race_id", "member_id"], name: "index_race_entries_on_race_id_and_member_id", unique: true
    t.index ["race_id", "position"], name: "index_race_entries_on_race_id_and_position"
  end

  create_table "races", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "series"
    t.text "course"
    t.datetime "starts_at", null: false
    t.string "status", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["starts_at"], name: "index_races_on_starts_at"
    t.index ["status", "starts_at"], name: "index_races_on_status_and_starts_at"
  end

  create_table "work_orders", id: :string, force: :cascade do |t|
    t.string "boat_id", null: false
    t.string "title", null: false
    t.integer "priority", null: false
    t.string "status", null: false
    t.datetime "opened_at", null: false
    t.datetime "closed_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["boat_id"], name: "index_work_orders_on_boat_id"
    t.index ["status", "opened_at"], name: "index_work_orders_on_status_and_opened_at"
  end

  add_foreign_key "boats", "members", column: "owner_id"
  add_foreign_key "race_entries", "boats"
  add_foreign_key "race_entries", "members"
  add_foreign_key "race_entries", "races"
  add_foreign_key "work_orders", "boats"
end
