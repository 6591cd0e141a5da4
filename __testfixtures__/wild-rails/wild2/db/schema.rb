# Rails schema of the "wild2" field-service app (__testfixtures__/wild2): the tables its legacy models
# (src/lib/zero/models/*.generated.ts) and its Zero schema (src/lib/zero/schema.ts) mirror.
# Timestamps reach Zero as epoch milliseconds.

ActiveRecord::Schema.define(version: 2026_11_26_120000) do

  create_table "devices", id: :string, force: :cascade do |t|
    t.string "visit_id"
    t.string "serial", null: false
    t.string "kind", null: false
    t.boolean "online", null: false
    t.datetime "last_seen_at"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["visit_id"], name: "index_devices_on_visit_id"
  end

  create_table "invoices", id: :string, force: :cascade do |t|
    t.string "visit_id", null: false
    t.string "number", null: false
    t.integer "amount_cents", null: false
    t.string "status", null: false
    t.datetime "due_at", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["visit_id"], name: "index_invoices_on_visit_id"
  end

  create_table "technicians", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "phone", null: false
    t.boolean "active", null: false
    t.string "region", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  create_table "visits", id: :string, force: :cascade do |t|
    t.string "status", null: false
    t.string "technician_id"
    t.string "customer_name", null: false
    t.string "address", null: false
    t.datetime "scheduled_at", null: false
    t.datetime "completed_at"
    t.string "notes"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["technician_id"], name: "index_visits_on_technician_id"
  end

  add_foreign_key "devices", "visits"
  add_foreign_key "invoices", "visits"
  add_foreign_key "visits", "technicians"
end
