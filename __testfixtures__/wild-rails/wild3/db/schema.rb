# Rails schema of the "wild3" clinic app (__testfixtures__/wild3): the tables its legacy models
# (src/lib/zero/models/*.generated.ts) read and write. Timestamps reach Zero as epoch milliseconds.

ActiveRecord::Schema.define(version: 2026_11_26_120000) do

  create_table "appointments", id: :string, force: :cascade do |t|
    t.string "patient_id", null: false
    t.string "doctor_id", null: false
    t.string "room_id"
    t.datetime "starts_at", null: false
    t.integer "duration_min", null: false
    t.string "status", null: false
    t.string "reason"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["doctor_id"], name: "index_appointments_on_doctor_id"
    t.index ["patient_id"], name: "index_appointments_on_patient_id"
    t.index ["room_id"], name: "index_appointments_on_room_id"
  end

  create_table "doctors", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "specialty", null: false
    t.boolean "active", null: false
    t.string "color", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  create_table "invoices", id: :string, force: :cascade do |t|
    t.string "appointment_id", null: false
    t.string "patient_id", null: false
    t.integer "amount_cents", null: false
    t.string "status", null: false
    t.datetime "issued_at"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["appointment_id"], name: "index_invoices_on_appointment_id"
    t.index ["patient_id"], name: "index_invoices_on_patient_id"
  end

  create_table "patients", id: :string, force: :cascade do |t|
    t.string "first_name", null: false
    t.string "last_name", null: false
    t.string "birth_date", null: false
    t.string "phone"
    t.string "email"
    t.string "insurance_id"
    t.boolean "flagged", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  create_table "rooms", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.integer "floor", null: false
    t.integer "capacity", null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  add_foreign_key "appointments", "doctors"
  add_foreign_key "appointments", "patients"
  add_foreign_key "appointments", "rooms"
  add_foreign_key "invoices", "appointments"
  add_foreign_key "invoices", "patients"
end
