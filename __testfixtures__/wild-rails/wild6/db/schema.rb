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

ActiveRecord::Schema[8.0].define(version: 2025_05_19_084233) do
  # These are extensions that must be enabled in order to support this database
  enable_extension "pg_catalog.plpgsql"
  enable_extension "pgcrypto"

  create_table "bikes", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.string "serial_number", null: false
    t.string "frame_model", null: false
    t.string "kind", default: "classic", null: false
    t.string "status", default: "available", null: false
    t.uuid "station_id"
    t.integer "battery_level"
    t.integer "odometer_km", default: 0, null: false
    t.datetime "last_serviced_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["serial_number"], name: "index_bikes_on_serial_number", unique: true
    t.index ["station_id"], name: "index_bikes_on_station_id"
    t.index ["status"], name: "index_bikes_on_status"
  end

  create_table "rentals", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "bike_id", null: false
    t.uuid "rider_id", null: false
    t.uuid "start_station_id", null: false
    t.uuid "end_station_id"
    t.datetime "started_at", null: false
    t.datetime "ended_at"
    t.string "status", default: "active", null: false
    t.integer "fare_cents"
    t.decimal "distance_km", precision: 8, scale: 2
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["bike_id"], name: "index_rentals_on_bike_id"
    t.index ["end_station_id"], name: "index_rentals_on_end_station_id"
    t.index ["rider_id"], name: "index_rentals_on_rider_id"
    t.index ["start_station_id"], name: "index_rentals_on_start_station_id"
    t.index ["status", "started_at"], name: "index_rentals_on_status_and_started_at"
  end

  create_table "repair_tickets", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "bike_id", null: false
    t.uuid "station_id"
    t.uuid "reported_by_rider_id"
    t.string "title", null: false
    t.text "description"
    t.string "priority", default: "normal", null: false
    t.string "status", default: "open", null: false
    t.string "assignee"
    t.datetime "opened_at", null: false
    t.datetime "resolved_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["bike_id"], name: "index_repair_tickets_on_bike_id"
    t.index ["reported_by_rider_id"], name: "index_repair_tickets_on_reported_by_rider_id"
    t.index ["station_id"], name: "index_repair_tickets_on_station_id"
    t.index ["status", "priority"], name: "index_repair_tickets_on_status_and_priority"
  end

  create_table "riders", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.string "full_name", null: false
    t.string "email", null: false
    t.string "phone"
    t.string "membership", default: "pay_as_you_go", null: false
    t.string "status", default: "active", null: false
    t.integer "balance_cents", default: 0, null: false
    t.datetime "joined_at", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["email"], name: "index_riders_on_email", unique: true
  end

  create_table "stations", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.string "name", null: false
    t.string "code", null: false
    t.string "address", null: false
    t.decimal "latitude", precision: 9, scale: 6, null: false
    t.decimal "longitude", precision: 9, scale: 6, null: false
    t.integer "capacity", null: false
    t.string "status", default: "active", null: false
    t.string "zone"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["code"], name: "index_stations_on_code", unique: true
    t.index ["zone"], name: "index_stations_on_zone"
  end

  add_foreign_key "bikes", "stations"
  add_foreign_key "rentals", "bikes"
  add_foreign_key "rentals", "riders"
  add_foreign_key "rentals", "stations", column: "end_station_id"
  add_foreign_key "rentals", "stations", column: "start_station_id"
  add_foreign_key "repair_tickets", "bikes"
  add_foreign_key "repair_tickets", "riders", column: "reported_by_rider_id"
  add_foreign_key "repair_tickets", "stations"
end
