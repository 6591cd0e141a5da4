# Stockroom (wild4) Rails schema. Zero mirrors these tables in src/lib/zero/schema.ts;
# datetimes reach the client as epoch milliseconds.

ActiveRecord::Schema.define(version: 2026_11_30_000000) do

  create_table "bins", id: :string, force: :cascade do |t|
    t.string "code", null: false
    t.string "zone", null: false
    t.integer "capacity", default: 0, null: false
    t.string "product_id"
    t.integer "quantity", default: 0, null: false
    t.boolean "locked", default: false, null: false
    t.datetime "last_counted_at"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["code"], name: "index_bins_on_code", unique: true
    t.index ["product_id"], name: "index_bins_on_product_id"
    t.index ["zone"], name: "index_bins_on_zone"
  end

  create_table "products", id: :string, force: :cascade do |t|
    t.string "sku", null: false
    t.string "name", null: false
    t.string "description"
    t.string "supplier_id"
    t.integer "unit_cost_cents", default: 0, null: false
    t.integer "reorder_level", default: 0, null: false
    t.string "status", default: "active", null: false
    t.boolean "hazardous", default: false, null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["sku"], name: "index_products_on_sku", unique: true
    t.index ["status"], name: "index_products_on_status"
    t.index ["supplier_id"], name: "index_products_on_supplier_id"
  end

  create_table "stock_moves", id: :string, force: :cascade do |t|
    t.string "product_id", null: false
    t.string "from_bin_id"
    t.string "to_bin_id"
    t.integer "quantity", null: false
    t.string "kind", null: false
    t.string "status", default: "pending", null: false
    t.string "note"
    t.datetime "moved_at"
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["from_bin_id"], name: "index_stock_moves_on_from_bin_id"
    t.index ["product_id"], name: "index_stock_moves_on_product_id"
    t.index ["status"], name: "index_stock_moves_on_status"
    t.index ["to_bin_id"], name: "index_stock_moves_on_to_bin_id"
  end

  create_table "suppliers", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "contact_email"
    t.string "phone"
    t.integer "lead_time_days", default: 14, null: false
    t.boolean "active", default: true, null: false
    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
    t.index ["name"], name: "index_suppliers_on_name"
  end

  add_foreign_key "bins", "products"
  add_foreign_key "products", "suppliers"
  add_foreign_key "stock_moves", "bins", column: "from_bin_id"
  add_foreign_key "stock_moves", "bins", column: "to_bin_id"
  add_foreign_key "stock_moves", "products"
end
