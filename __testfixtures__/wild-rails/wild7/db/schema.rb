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

ActiveRecord::Schema[8.0].define(version: 2025_09_14_101522) do
  # These are extensions that must be enabled in order to support this database
  enable_extension "pg_catalog.plpgsql"
  enable_extension "pgcrypto"

  create_table "feeding_schedules", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "stay_id", null: false
    t.string "food_name", null: false
    t.decimal "amount", precision: 6, scale: 2, null: false
    t.string "unit", default: "cup", null: false
    t.integer "times_per_day", default: 2, null: false
    t.string "feeding_times"
    t.boolean "owner_supplied", default: true, null: false
    t.text "instructions"
    t.boolean "active", default: true, null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["stay_id", "active"], name: "index_feeding_schedules_on_stay_id_and_active"
    t.index ["stay_id"], name: "index_feeding_schedules_on_stay_id"
  end

  create_table "kennels", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.string "code", null: false
    t.string "ward", null: false
    t.string "size", default: "medium", null: false
    t.string "status", default: "available", null: false
    t.integer "daily_rate_cents", default: 0, null: false
    t.boolean "heated", default: false, null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["code"], name: "index_kennels_on_code", unique: true
    t.index ["status"], name: "index_kennels_on_status"
  end

  create_table "medication_doses", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "stay_id", null: false
    t.string "medication_name", null: false
    t.string "dosage", null: false
    t.string "route", default: "oral", null: false
    t.datetime "scheduled_at", null: false
    t.datetime "given_at"
    t.string "given_by"
    t.string "status", default: "pending", null: false
    t.text "notes"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["status", "scheduled_at"], name: "index_medication_doses_on_status_and_scheduled_at"
    t.index ["stay_id"], name: "index_medication_doses_on_stay_id"
  end

  create_table "owners", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.string "first_name", null: false
    t.string "last_name", null: false
    t.string "email"
    t.string "phone", null: false
    t.string "emergency_phone"
    t.text "notes"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["email"], name: "index_owners_on_email"
    t.index ["last_name", "first_name"], name: "index_owners_on_last_name_and_first_name"
  end

  create_table "pets", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "owner_id", null: false
    t.string "name", null: false
    t.string "species", default: "dog", null: false
    t.string "breed"
    t.string "sex"
    t.date "date_of_birth"
    t.decimal "weight_kg", precision: 5, scale: 2
    t.string "temperament", default: "friendly", null: false
    t.string "microchip_number"
    t.text "allergies"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["microchip_number"], name: "index_pets_on_microchip_number", unique: true, where: "(microchip_number IS NOT NULL)"
    t.index ["owner_id"], name: "index_pets_on_owner_id"
  end

  create_table "stays", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "pet_id", null: false
    t.uuid "kennel_id"
    t.string "status", default: "reserved", null: false
    t.datetime "check_in_at"
    t.datetime "expected_check_out_at"
    t.datetime "check_out_at"
    t.text "special_instructions"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["kennel_id", "status"], name: "index_stays_on_kennel_id_and_status"
    t.index ["kennel_id"], name: "index_stays_on_kennel_id"
    t.index ["pet_id"], name: "index_stays_on_pet_id"
    t.index ["status"], name: "index_stays_on_status"
  end

  add_foreign_key "feeding_schedules", "stays"
  add_foreign_key "medication_doses", "stays"
  add_foreign_key "pets", "owners"
  add_foreign_key "stays", "kennels"
  add_foreign_key "stays", "pets"
end
