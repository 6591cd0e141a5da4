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

ActiveRecord::Schema[7.1].define(version: 2025_10_02_083417) do
  # These are extensions that must be enabled in order to support this database
  enable_extension "plpgsql"

  create_table "gardeners", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "email", null: false
    t.string "phone"
    t.datetime "joined_at", null: false
    t.boolean "active", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["active"], name: "index_gardeners_on_active"
    t.index ["email"], name: "index_gardeners_on_email", unique: true
  end

  create_table "harvests", id: :string, force: :cascade do |t|
    t.string "plot_id", null: false
    t.string "gardener_id", null: false
    t.string "crop", null: false
    t.decimal "weight_kg", precision: 7, scale: 2, null: false
    t.datetime "harvested_at", null: false
    t.boolean "shared_with_pantry", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["gardener_id"], name: "index_harvests_on_gardener_id"
    t.index ["plot_id", "harvested_at"], name: "index_harvests_on_plot_id_and_harvested_at"
    t.index ["plot_id"], name: "index_harvests_on_plot_id"
  end

  create_table "plots", id: :string, force: :cascade do |t|
    t.string "code", null: false
    t.string "zone", null: false
    t.string "bed_type", null: false
    t.decimal "size_sqm", precision: 6, scale: 2, null: false
    t.string "gardener_id"
    t.string "status", null: false
    t.text "soil_notes"
    t.datetime "last_watered_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["code"], name: "index_plots_on_code", unique: true
    t.index ["gardener_id"], name: "index_plots_on_gardener_id"
    t.index ["zone", "status"], name: "index_plots_on_zone_and_status"
  end

  create_table "tool_loans", id: :string, force: :cascade do |t|
    t.string "tool_name", null: false
    t.string "gardener_id", null: false
    t.datetime "borrowed_at", null: false
    t.datetime "due_at", null: false
    t.datetime "returned_at"
    t.text "condition_notes"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["due_at"], name: "index_tool_loans_on_due_at", where: "(returned_at IS NULL)"
    t.index ["gardener_id"], name: "index_tool_loans_on_gardener_id"
  end

  create_table "watering_shifts", id: :string, force: :cascade do |t|
    t.string "zone", null: false
    t.string "gardener_id"
    t.datetime "starts_at", null: false
    t.datetime "ends_at", null: false
    t.string "status", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["gardener_id"], name: "index_watering_shifts_on_gardener_id"
    t.index ["zone", "starts_at"], name: "index_watering_shifts_on_zone_and_starts_at"
  end

  add_foreign_key "harvests", "gardeners"
  add_foreign_key "harvests", "plots"
  add_foreign_key "plots", "gardeners"
  add_foreign_key "tool_loans", "gardeners"
  add_foreign_key "watering_shifts", "gardeners"
end
