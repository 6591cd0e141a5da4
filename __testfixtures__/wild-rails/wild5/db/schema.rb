# This file is auto-generated from the current state of the database. Instead
# of editing this file, please use the migrations feature of Active Record to
# incrementally modify your database, and then regenerate this schema definition.
#
# This file is the source Rails uses to define your schema when running `bin/rails
# db:schema:load`. When creating a new database, `bin/rails db:setup` should work.
#
# It's strongly recommended that you check this file into your version control system.

ActiveRecord::Schema[8.1].define(version: 2025_03_14_191204) do
  # These are extensions that must be enabled in order to support this database
  enable_extension "pg_catalog.plpgsql"

  create_table "orders", id: :string, force: :cascade do |t|
    t.string "show_id", null: false
    t.string "buyer_name", null: false
    t.string "buyer_email", null: false
    t.string "status", default: "pending", null: false
    t.integer "total_cents", default: 0, null: false
    t.text "notes"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["buyer_email"], name: "index_orders_on_buyer_email"
    t.index ["show_id", "status"], name: "index_orders_on_show_id_and_status"
  end

  create_table "price_tiers", id: :string, force: :cascade do |t|
    t.string "show_id", null: false
    t.string "name", null: false
    t.integer "price_cents", null: false
    t.integer "capacity", null: false
    t.integer "sold_count", default: 0, null: false
    t.integer "position", default: 0, null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["show_id", "position"], name: "index_price_tiers_on_show_id_and_position"
  end

  create_table "shows", id: :string, force: :cascade do |t|
    t.string "venue_id", null: false
    t.string "title", null: false
    t.datetime "starts_at", null: false
    t.string "status", default: "draft", null: false
    t.text "description"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["starts_at"], name: "index_shows_on_starts_at"
    t.index ["venue_id"], name: "index_shows_on_venue_id"
  end

  create_table "tickets", id: :string, force: :cascade do |t|
    t.string "order_id", null: false
    t.string "price_tier_id", null: false
    t.string "seat_label"
    t.boolean "checked_in", default: false, null: false
    t.datetime "checked_in_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["order_id"], name: "index_tickets_on_order_id"
    t.index ["price_tier_id"], name: "index_tickets_on_price_tier_id"
  end

  create_table "venues", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "city", null: false
    t.integer "capacity", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["name", "city"], name: "index_venues_on_name_and_city", unique: true
  end

  add_foreign_key "orders", "shows"
  add_foreign_key "price_tiers", "shows"
  add_foreign_key "shows", "venues"
  add_foreign_key "tickets", "orders"
  add_foreign_key "tickets", "price_tiers"
end
