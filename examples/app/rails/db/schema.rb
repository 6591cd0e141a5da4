# The example app's Rails schema: the generator reads it (no Ruby needed) to write src/lib/models.
# Its tables match examples/stack/schema.sql, so the same models run against `npm run stack`.

ActiveRecord::Schema.define(version: 2026_11_26_120000) do

  create_table "clients", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "email"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end

  create_table "jobs", id: :string, force: :cascade do |t|
    t.string "title", null: false
    t.string "status", default: "active", null: false
    t.integer "priority"
    t.string "client_id"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["client_id"], name: "index_jobs_on_client_id"
    t.index ["status"], name: "index_jobs_on_status"
  end

end
