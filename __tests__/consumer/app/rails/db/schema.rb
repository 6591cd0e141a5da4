ActiveRecord::Schema.define(version: 2026_12_01_000000) do
  create_table "jobs", id: :string, force: :cascade do |t|
    t.string "title", null: false
    t.string "status", default: "active", null: false
    t.integer "priority"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end
end
