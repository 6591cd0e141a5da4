# frozen_string_literal: true

# The differential test's Ruby scenarios (ActiveRecord 6.1); scenarios.ts has the same names for zero-record.
# Prints { name => { "value" => ... } | { "raised" => { "class", "message" } } } as JSON. Each scenario starts from the
# seed rows of models.rb.
require_relative "models"

# ---------------- validations, errors, saves that validate
run("v.presence.nil") { v(VPresence, {}) }
run("v.presence.spaces") { v(VPresence, name: "   ") }
run("v.presence.ok") { v(VPresence, name: "x") }
run("v.length.short") { v(VLength, name: "ab") }
run("v.length.long") { v(VLength, name: "abcdefghijk") }
run("v.length.nil") { v(VLength, {}) }
run("v.length.is") { v(VLenIs, code: "abc") }
run("v.length.max1") { v(VLenMax1, code: "ab") }
run("v.length.msg") { v(VLenMsg, name: "abcd") }
run("v.attr_msg") { v(VAttrMsg, name: "") }
run("v.num.abc") { v(VNum, age: "abc") }
run("v.num.nil") { v(VNum, age: nil) }
run("v.num.nil_allowed") { v(VNumNil, age: nil) }
run("v.num.hex") { v(VNum, age: "0x1A") }
run("v.num.spaces") { v(VNum, age: " 5 ") }
run("v.num.exp") { v(VNum, age: "1e3") }
run("v.num.empty_string") { v(VNum, age: "") }
run("v.num.underscore") { v(VNum, age: "1_000") }
run("v.int.float") { v(VInt, age: 1.5) }
run("v.int.string_float") { v(VInt, age: "2.5") }
run("v.int.ok") { v(VInt, age: "7") }
run("v.range.zero") { v(VRange, age: 0) }
run("v.range.big") { v(VRange, age: 101) }
run("v.odd") { v(VOdd, age: 4) }
run("v.even") { v(VEven, age: 3) }
run("v.eq") { v(VEq, age: 4) }
run("v.other") { v(VOther, age: 5) }
run("v.floatbound") { v(VFloatBound, score: 1) }
run("v.nummsg") { v(VNumMsg, age: -1) }
run("v.gte") { v(VGte, score: 10) }
run("v.gte_low") { v(VGte, score: 1.99) }
run("v.incl") { v(VIncl, role: "guest") }
run("v.incl.nil") { v(VIncl, {}) }
run("v.incl.nil_allowed") { v(VInclNil, {}) }
run("v.excl") { v(VExcl, role: "root") }
run("v.format") { v(VFormat, code: "abc1") }
run("v.format.nil") { v(VFormat, {}) }
run("v.format.multiline") { v(VFormat, code: "abc\ndef") }
run("v.format_without") { v(VFormatWithout, code: "a1") }
run("v.absence") { v(VAbsence, name: "x") }
run("v.allow_blank") { v(VBlank, name: "") }
run("v.allow_nil_blank") { v(VNilOnly, name: "") }
run("v.multi") { v(VMulti, name: "", age: 17.5) }
run("v.human") { v(VHuman, {}) }
run("v.flag.false") { v(VFlag, flag: false) }
run("v.flagincl.false") { v(VFlagIncl, flag: false) }
run("v.age_presence.zero") { v(VAgePresence, age: 0) }

run("errors.api") do
  r = VMulti.new(name: "", age: 10)
  r.valid?
  r.errors.add(:base, "Something off")
  {
    "full" => r.errors.full_messages,
    "for_name" => r.errors.full_messages_for(:name),
    "get" => r.errors[:name],
    "get_missing" => r.errors[:email],
    "added" => r.errors.added?(:name, "can't be blank"),
    "added_no" => r.errors.added?(:name, "nope"),
    "include" => r.errors.include?(:age),
    "include_no" => r.errors.include?(:email),
    "count" => r.errors.count, "size" => r.errors.size,
    "empty" => r.errors.empty?, "any" => r.errors.any?,
    "names" => r.errors.attribute_names,
    "hash" => r.errors.to_hash,
  }
end
run("errors.delete_clear") do
  r = VMulti.new(name: "", age: 10); r.valid?
  d = r.errors.delete(:name)
  a = r.errors.full_messages
  r.errors.clear
  { "deleted" => d, "after" => a, "cleared" => r.errors.full_messages, "empty" => r.errors.empty? }
end
run("errors.valid_clears_added") do
  r = VPresence.new(name: "x"); r.errors.add(:name, "custom"); ok = r.valid?
  { "ok" => ok, "full" => r.errors.full_messages }
end
run("errors.details") { r = VMulti.new(name: "", age: 10); r.valid?; r.errors.details }
run("errors.messages") { r = VMulti.new(name: "", age: 10); r.valid?; r.errors.messages }
run("errors.full_message") { r = VMulti.new; r.errors.full_message(:name, "is odd") }

run("save.invalid") do
  r = VPresence.new(id: "x1"); ok = r.save
  { "ok" => ok, "new" => r.new_record?, "full" => r.errors.full_messages, "count" => VPresence.count }
end
run("create.invalid") do
  r = VPresence.create(id: "x1")
  { "new" => r.new_record?, "persisted" => r.persisted?, "id" => r.id, "full" => r.errors.full_messages }
end
run("create_bang.invalid") { VMulti.create!(id: "x1", name: "", age: "x") }
run("save_bang.invalid") { r = VMulti.new(id: "x1", name: "ab", age: 20); r.save! }
run("update.invalid") do
  r = VPresence.create!(id: "x1", name: "ok")
  ok = r.update(name: "")
  { "ok" => ok, "changed" => r.changed?, "changes" => r.changes, "db" => VPresence.find("x1").name, "full" => r.errors.full_messages }
end
run("update_bang.invalid") { r = VPresence.create!(id: "x2", name: "ok"); r.update!(name: "") }
run("save.validate_false") do
  r = VPresence.new(id: "x3"); ok = r.save(validate: false)
  { "ok" => ok, "persisted" => r.persisted?, "errors" => r.errors.full_messages }
end
run("update.invalid_in_db") do
  VPresence.new(id: "x4", name: nil, age: 1).save(validate: false)
  r = VPresence.find("x4"); ok = r.update(age: 2)
  { "ok" => ok, "full" => r.errors.full_messages, "db_age" => VPresence.find("x4").age }
end
run("class_update.invalid") do
  VPresence.create!(id: "x5", name: "ok")
  r = VPresence.update("x5", name: "")
  { "persisted" => r.persisted?, "full" => r.errors.full_messages, "changed" => r.changed, "db" => VPresence.find("x5").name }
end
run("class_update.missing") { VPresence.update("zz", name: "x") }

# ---------------- dirty tracking
run("dirty.basic") do
  r = Item.find("i1"); r.name = "Apricot"
  { "changed?" => r.changed?, "changed" => r.changed, "changes" => r.changes, "was" => r.name_was,
    "ac" => r.attribute_changed?(:name), "ac_from_to" => r.attribute_changed?(:name, from: "Apple", to: "Apricot"),
    "ac_wrong_from" => r.attribute_changed?(:name, from: "X"), "ac_only_to" => r.attribute_changed?(:name, to: "Apricot"),
    "ac_other" => r.attribute_changed?(:qty), "attribute_was" => r.attribute_was(:name),
    "wsc" => r.will_save_change_to_attribute?(:name), "ctbs" => r.attribute_change_to_be_saved(:name),
    "in_db" => r.attribute_in_database(:name), "hcts" => r.has_changes_to_save?, "cts" => r.changes_to_save,
    "names_to_save" => r.changed_attribute_names_to_save }
end
run("dirty.same_value") { r = Item.find("i1"); r.name = "Apple"; r.qty = 10; { "changed?" => r.changed?, "changes" => r.changes } }
run("dirty.back_and_forth") { r = Item.find("i1"); r.name = "X"; r.name = "Apple"; { "changed?" => r.changed?, "changes" => r.changes } }
run("dirty.nil_to_nil") { r = Item.find("i2"); r.code = nil; r.changed? }
run("dirty.restore") do
  r = Item.find("i1"); r.name = "X"; r.qty = 99
  ret = r.restore_attributes([:name])
  { "ret" => ret, "name" => r.name, "changes" => r.changes }
end
run("dirty.restore_all") { r = Item.find("i1"); r.name = "X"; r.qty = 99; ret = r.restore_attributes; { "ret" => ret, "changed?" => r.changed?, "attrs" => r.attributes } }
run("dirty.after_save") do
  r = Item.find("i1"); r.name = "Apricot"; r.qty = 11; r.save
  { "changed?" => r.changed?, "saved_changes" => r.saved_changes, "previous_changes" => r.previous_changes,
    "sctn?" => r.saved_change_to_attribute?(:name), "sctn_from" => r.saved_change_to_attribute?(:name, from: "Apple"),
    "sctn_wrong" => r.saved_change_to_attribute?(:name, to: "Zed"), "sct_qty" => r.saved_change_to_attribute(:qty),
    "sct_cat" => r.saved_change_to_attribute(:category), "before_last_save" => r.attribute_before_last_save(:name),
    "before_last_save_unchanged" => r.attribute_before_last_save(:category),
    "prev_changed" => r.attribute_previously_changed?(:name), "prev_was" => r.attribute_previously_was(:name),
    "prev_was_unchanged" => r.attribute_previously_was(:category),
    "wsc" => r.will_save_change_to_attribute?(:name) }
end
run("dirty.save_nothing") { r = Item.find("i1"); r.name = "A2"; r.save; s = r.save; { "s" => s, "saved" => r.saved_changes, "before" => r.attribute_before_last_save(:name) } }
run("dirty.fresh_before_last_save") { r = Item.find("i1"); { "blw" => r.attribute_before_last_save(:name), "saved" => r.saved_changes, "sct?" => r.saved_change_to_attribute?(:name), "sct" => r.saved_change_to_attribute(:name) } }
run("dirty.reload_clears") { r = Item.find("i1"); r.update(name: "Z"); r.reload; { "saved" => r.saved_changes, "changed" => r.changed?, "blw" => r.attribute_before_last_save(:name) } }
run("dirty.cast_assign_attributes") { r = Item.find("i1"); r.assign_attributes(qty: "10", price: "1.5"); { "changed?" => r.changed?, "qty" => r.qty, "price" => r.price } }
run("dirty.cast_plain_assign") { r = Item.find("i1"); r.qty = "10"; { "changed?" => r.changed?, "qty" => r.qty } }
run("dirty.empty_to_nil") { r = Item.find("i1"); r.assign_attributes(qty: ""); { "changes" => r.changes, "qty" => r.qty } }
run("dirty.bool_cast") { r = Item.find("i1"); r.assign_attributes(active: "0"); { "active" => r.active, "changes" => r.changes } }
run("dirty.bool_cast_true") { r = Item.find("i2"); r.assign_attributes(active: "true"); { "active" => r.active, "changes" => r.changes } }
run("dirty.int_cast_float") { r = Item.find("i1"); r.assign_attributes(qty: "7.9"); { "qty" => r.qty, "changes" => r.changes } }
run("dirty.string_cast_number") { r = Item.find("i1"); r.assign_attributes(code: 42); { "code" => r.code, "changes" => r.changes } }
run("dirty.new_record") { r = Item.new(id: "n1", name: "New"); { "changes" => r.changes, "changed" => r.changed, "was" => r.name_was, "new" => r.new_record? } }
run("dirty.after_create") { r = Item.create!(id: "n1", name: "New", qty: 3); { "prev" => r.previous_changes, "saved?" => r.saved_change_to_attribute?(:id), "blw" => r.attribute_before_last_save(:name), "prev_new" => r.previously_new_record?, "changed?" => r.changed? } }
run("dirty.update_column_keeps_others") do
  r = Item.find("i1"); r.name = "X"; ret = r.update_column(:qty, 50)
  { "ret" => ret, "changes" => r.changes, "qty" => r.qty, "db" => Item.find("i1").slice(:name, :qty), "saved" => r.saved_changes }
end
run("dirty.changed_attributes") { r = Item.find("i1"); r.name = "X"; r.changed_attributes }
run("dirty.two_saves") { r = Item.find("i1"); r.update!(name: "B"); r.update!(qty: 1); { "prev" => r.previous_changes, "blw_name" => r.name_before_last_save, "sct_name" => r.saved_change_to_name? } }
run("dirty.toggle") { r = Item.find("i1"); ret = r.toggle(:active); { "same" => ret.equal?(r), "active" => r.active, "changes" => r.changes } }
run("dirty.toggle_nil") { r = Item.find("i4"); r.toggle(:active); { "active" => r.active, "changes" => r.changes } }
run("dirty.increment_nil") { r = Item.find("i3"); r.increment(:qty); { "qty" => r.qty, "changes" => r.changes } }
run("dirty.decrement_by") { r = Item.find("i1"); r.decrement(:qty, 3); { "qty" => r.qty, "changes" => r.changes } }
run("dirty.changes_after_failed_save_then_success") do
  r = VPresence.create!(id: "x1", name: "a"); r.name = ""; r.save; r.name = "b"; r.save
  { "saved" => r.saved_changes, "changed?" => r.changed? }
end

# ---------------- persistence
run("p.lifecycle") do
  r = Item.new(id: "n1", name: "N"); s = []
  s << [r.new_record?, r.persisted?, r.destroyed?]
  r.save!
  s << [r.new_record?, r.persisted?, r.destroyed?]
  ret = r.destroy
  s << [r.new_record?, r.persisted?, r.destroyed?, ret.equal?(r), r.frozen?]
  s << Item.exists?("n1")
  s
end
run("p.assign_after_destroy") { r = Item.find("i1"); r.destroy; r.name = "x"; "no error" }
run("p.save_after_destroy") { r = Item.find("i1"); r.destroy; r.save }
run("p.save_bang_after_destroy") { r = Item.find("i1"); r.destroy; r.save! }
run("p.destroy_new") { r = Item.new(id: "n1", name: "N"); ret = r.destroy; [ret.equal?(r), r.new_record?, r.destroyed?, r.persisted?] }
run("p.destroy_bang") { r = Item.find("i1"); ret = r.destroy!; [ret.equal?(r), r.destroyed?, Item.count] }
run("p.update_columns_new") { Item.new(id: "n1", name: "N").update_columns(name: "x") }
run("p.update_columns_destroyed") { r = Item.find("i1"); r.destroy; r.update_columns(name: "x") }
run("p.update_columns_empty") { Item.find("i1").update_columns({}) }
run("p.update_columns") { r = Item.find("i1"); ret = r.update_columns(name: "Z", qty: 4); [ret, r.name, r.qty, r.changed?, r.saved_changes, Item.find("i1").attributes] }
run("p.update_column_skips_validation") { r = VPresence.create!(id: "x1", name: "ok"); ret = r.update_column(:name, ""); [ret, VPresence.find("x1").name, r.valid?] }
run("p.reload_after_update_all") { r = Item.find("i1"); Item.where(id: "i1").update_all(name: "Zed"); r.name = "local"; ret = r.reload; [ret.equal?(r), r.name, r.changed?] }
run("p.reload_destroyed") { r = Item.find("i1"); Item.where(id: "i1").delete_all; r.reload }
run("p.toggle_bang") { r = Item.find("i1"); ret = r.toggle!(:active); [ret, r.active, Item.find("i1").active, r.changed?, r.saved_changes] }
run("p.increment_bang") { r = Item.find("i1"); ret = r.increment!(:qty, 5); [ret.equal?(r), r.qty, Item.find("i1").qty, r.changed?] }
run("p.decrement_bang_nil") { r = Item.find("i3"); r.decrement!(:qty); [r.qty, Item.find("i3").qty] }
run("p.increment_unknown") { Item.find("i1").increment(:nope) }
run("p.create_returns") { r = Item.create(id: "n1", name: "N", qty: "3"); [r.persisted?, r.qty, Item.find("n1").qty] }
run("p.create_array") { rs = Item.create([{ id: "n1", name: "A" }, { id: "n2", name: "B" }]); [rs.map(&:id), Item.count] }
run("p.class_update") { r = Item.update("i1", name: "Upd"); [r.name, r.saved_changes, Item.find("i1").name] }
run("p.class_update_missing") { Item.update("zz", name: "x") }
run("p.class_destroy") { r = Item.destroy("i1"); [r.destroyed?, r.id, Item.count] }
run("p.class_destroy_missing") { Item.destroy("zz") }
run("p.duplicate_id") { Item.create!(id: "i1", name: "dup") }
run("p.touch_new") { Item.new(id: "n1", name: "x").touch }
run("p.unknown_attr_assign") { Item.find("i1").assign_attributes(colour: "red") }
run("p.unknown_attr_new") { Item.new(colour: "red") }
run("p.unknown_attr_update") { Item.find("i1").update(colour: "red") }
run("p.assign_non_hash") { Item.find("i1").assign_attributes("x") }
run("p.update_returns") { r = Item.find("i1"); [r.update!(name: "U"), r.update(name: "U"), r.update(name: "V")] }
run("p.save_unchanged") { r = Item.find("i1"); [r.save, r.saved_changes] }
run("p.failed_save_keeps_changes") { r = VPresence.create!(id: "x1", name: "a"); r.name = ""; s = r.save; [s, r.changes, r.name_was] }
run("p.new_defaults") { Item.new.attributes }
run("p.update_attribute") { r = VPresence.create!(id: "x1", name: "ok"); ret = r.update_attribute(:name, ""); [ret, VPresence.find("x1").name] }
run("p.delete") { r = Item.find("i1"); ret = r.delete; [ret.equal?(r), r.destroyed?, Item.count] }
run("p.class_delete") { [Item.delete("i1"), Item.count] }

# ---------------- attribute API
run("a.attributes") { Item.find("i1").attributes }
run("a.attribute_names") { Item.find("i1").attribute_names }
run("a.has_attribute") { r = Item.find("i1"); [r.has_attribute?(:name), r.has_attribute?("nope")] }
run("a.attribute_present") { r = Item.find("i2"); r.name = "  "; [r.attribute_present?(:name), r.attribute_present?(:code), r.attribute_present?(:active), r.attribute_present?(:qty), r.attribute_present?(:nope)] }
run("a.read_attribute") { r = Item.find("i1"); [r.read_attribute(:name), r.read_attribute("nope"), r.read_attribute(:qty)] }
run("a.write_attribute") { r = Item.find("i1"); r.write_attribute(:name, "W"); [r.name, r.changes] }
run("a.bracket") { r = Item.find("i1"); r[:name] = "W"; [r[:name], r.changes] }
run("a.to_param") { [Item.find("i1").to_param, Item.new.to_param] }
run("a.to_key") { [Item.find("i1").to_key, Item.new.to_key] }
run("a.inspect") { Item.find("i1").inspect }
run("a.dup") { r = Item.find("i1").dup; [r.new_record?, r.id, r.name, r.changes] }
run("a.as_json") { Item.find("i1").as_json }
run("a.frozen_destroyed_error") { r = Item.find("i1"); r.destroy; r.name = "x" }

# ---------------- finders
run("f.find") { Item.find("i1") }
run("f.find_missing") { Item.find("zz") }
run("f.find_array") { Item.find(["i3", "i1"]).map(&:id) }
run("f.find_array_missing") { Item.find(["i1", "zz", "yy"]) }
run("f.find_varargs") { Item.find("i2", "i1").map(&:id) }
run("f.find_single_array") { Item.find(["i1"]).map(&:id) }
run("f.find_empty_array") { Item.find([]) }
run("f.find_nil") { Item.find(nil) }
run("f.find_no_args") { Item.find }
run("f.find_where_scoped") { Item.where(category: "veg").find("i1") }
run("f.find_ordered_array") { Item.order(position: :desc).find(["i1", "i2", "i3"]).map(&:id) }
run("f.find_by") { [Item.find_by(name: "Apple").id, Item.find_by(name: "zz")] }
run("f.find_by_bang") { Item.find_by!(name: "zz") }
run("f.find_by_nil") { Item.find_by(category: nil).id }
run("f.first_last") { [Item.first.id, Item.last.id, Item.first(2).map(&:id), Item.last(2).map(&:id), Item.take.id, Item.take(2).map(&:id)] }
run("f.ordinals") { [Item.second.id, Item.third.id, Item.fourth.id, Item.fifth.id, Item.forty_two, Item.third_to_last.id, Item.second_to_last.id] }
run("f.ordinals_ordered") { r = Item.order(:position); [r.first.id, r.second.id, r.last.id, r.second_to_last.id, r.third_to_last.id] }
run("f.ordinals_offset_limit") { r = Item.order(:id).offset(1).limit(3); [r.first.id, r.second.id, r.third.id, r.fourth, r.last.id, r.second_to_last.id] }
run("f.order_desc_nulls") { [Item.order(price: :desc).first.id, Item.order(:price).first.id, Item.order(price: :desc).last.id] }
run("f.order_string") { ids(Item.order("name desc")) }
run("f.order_multi") { ids(Item.order(category: :asc, name: :desc)) }
run("f.order_case") { ids(Item.order(:name)) }
run("f.first_bang_none") { Item.where(name: "zz").first! }
run("f.last_bang_none") { Item.none.last! }
run("f.take_bang_none") { Item.where(name: "zz").take! }
run("f.second_bang_none") { Item.where(id: "i1").second! }
run("f.sole") { Item.where(name: "Apple").sole.id }
run("f.sole_none") { Item.where(name: "zz").sole }
run("f.sole_many") { Item.where(category: "fruit").sole }
run("f.find_sole_by") { Item.find_sole_by(category: "veg").id }
run("f.find_sole_by_many") { Item.find_sole_by(category: "fruit") }
run("f.find_sole_by_none") { Item.find_sole_by(category: "zz") }
run("f.exists") { [Item.exists?, Item.exists?("i1"), Item.exists?("zz"), Item.exists?(name: "Apple"), Item.exists?(name: "zz"), Item.where(category: "veg").exists?, Item.none.exists?, Item.exists?(false), Item.where(category: "veg").exists?("i1")] }
run("f.none") { n = Item.none; [n.to_a, n.count, n.pluck(:id), n.sum(:qty), n.exists?, n.first, n.where(id: "i1").to_a] }
run("f.where_not") { [ids(Item.where.not(category: "fruit")), ids(Item.where.not(category: nil)), ids(Item.where.not(category: "fruit", active: true))] }
run("f.or") { ids(Item.where(category: "veg").or(Item.where(qty: 5))) }
run("f.rewhere") { ids(Item.where(category: "fruit").rewhere(category: "veg")) }
run("f.unscope_where") { [Item.where(category: "fruit").unscope(:where).count, ids(Item.where(category: "fruit", active: true).unscope(where: :category))] }
run("f.reorder") { ids(Item.order(:name).reorder(:position)) }
run("f.reverse_order") { [ids(Item.all.reverse_order), ids(Item.order(:position).reverse_order), ids(Item.order(:category, :name).reverse_order)] }
run("f.limit_offset") { [ids(Item.order(:id).limit(2).offset(1)), ids(Item.order(:id).offset(4)), ids(Item.limit(0))] }
run("f.distinct_pluck") { Item.distinct.order(:category).pluck(:category) }
run("f.where_in") { [ids(Item.where(id: [])), ids(Item.where(category: ["veg", nil])), ids(Item.where(id: ["i2", "i1"]))] }
run("f.where_range") { [ids(Item.where(qty: 5..12)), ids(Item.where(qty: 5...12)), ids(Item.where(qty: 10..)), ids(Item.where(price: ..1.5))] }
run("f.last_limited") { Item.order(:id).limit(3).last.id }
run("f.first_0") { Item.first(0) }
run("f.where_bool") { [ids(Item.where(active: false)), ids(Item.where(active: nil))] }
run("f.find_or_create_existing") { r = Item.find_or_create_by(name: "Apple"); [r.id, Item.count] }
run("f.find_or_create_new") { r = Item.find_or_create_by(id: "n1", name: "New"); [r.persisted?, r.name, Item.count] }
run("f.find_or_initialize") { r = Item.find_or_initialize_by(id: "n1", name: "Zed"); [r.new_record?, r.name, r.changes, Item.count] }
run("f.create_with") { r = Item.create_with(category: "x").find_or_create_by(id: "n2", name: "Z"); [r.category, r.persisted?] }
run("f.where_init") { r = Item.where(category: "fruit").find_or_initialize_by(id: "n3", name: "Kiwi"); [r.category, r.new_record?] }
run("f.where_new") { [Item.where(category: "veg").new.category, Item.where(category: "veg", active: true).new(name: "x").attributes] }
run("f.first_or_initialize") { r = Item.where(name: "zz").first_or_initialize(id: "n4"); [r.name, r.id, r.new_record?] }
run("f.find_or_create_bang_invalid") { VPresence.find_or_create_by!(id: "x9") }
run("f.find_or_create_invalid") { r = VPresence.find_or_create_by(id: "x9"); [r.new_record?, r.errors.full_messages] }
run("f.include") { r = Item.find("i1"); [Item.where(category: "fruit").include?(r), Item.where(category: "veg").include?(r)] }

# ---------------- calculations
run("c.count") { [Item.count, Item.count(:price), Item.count(:qty), Item.where(category: "fruit").count, Item.distinct.count(:category), Item.limit(2).count, Item.none.count] }
run("c.sum") { [Item.sum(:qty), Item.sum(:price), Item.where(id: "zz").sum(:qty), Item.where(id: "i3").sum(:qty)] }
run("c.average") { [Item.average(:qty), Item.average(:price), Item.where(id: "zz").average(:qty), Item.where(id: "i4").average(:price)] }
run("c.min_max") { [Item.minimum(:qty), Item.maximum(:qty), Item.minimum(:price), Item.maximum(:price), Item.where(id: "zz").maximum(:qty), Item.maximum(:name), Item.minimum(:name), Item.minimum(:category)] }
run("c.group_count") { Item.group(:category).count.to_a }
run("c.group_sum") { Item.group(:category).sum(:qty).to_a }
run("c.group_avg") { Item.group(:category).average(:price).to_a }
run("c.group_max") { Item.group(:active).maximum(:qty).to_a }
run("c.group_multi") { Item.group(:category, :active).count.to_a }
run("c.pluck") { [Item.order(:position).pluck(:name), Item.order(:id).pluck(:id, :qty), Item.where(id: "zz").pluck(:name)] }
run("c.pick") { [Item.order(:position).pick(:name), Item.where(id: "zz").pick(:name), Item.order(:id).pick(:id, :price)] }
run("c.ids") { [Item.ids, Item.where(category: "fruit").order(position: :desc).ids] }
run("c.sum_limit") { Item.order(:id).limit(2).sum(:qty) }
run("c.predicates") { [Item.any?, Item.none?, Item.where(category: "veg").one?, Item.where(category: "fruit").many?, Item.where(id: "zz").any?, Item.where(category: "fruit").one?] }
run("c.average_int") { Item.where(id: ["i1", "i2"]).average(:qty) }
run("c.sum_string") { Item.sum(:name) }
run("c.count_unknown") { Item.count(:nope) }

# ---------------- batches & bulk writes
run("b.find_each") { a = []; Item.find_each(batch_size: 2) { |r| a << r.id }; a }
run("b.find_each_start") { a = []; Item.find_each(batch_size: 2, start: "i3") { |r| a << r.id }; a }
run("b.find_each_finish") { a = []; Item.find_each(batch_size: 2, finish: "i3") { |r| a << r.id }; a }
run("b.find_in_batches") { Item.find_in_batches(batch_size: 4).map { |b| b.map(&:id) } }
run("b.in_batches") { a = []; Item.in_batches(of: 2) { |rel| a << rel.pluck(:id) }; a }
run("b.in_batches_update_all") { [Item.in_batches(of: 4).update_all(active: true), Item.where(active: true).count] }
run("b.find_each_where") { a = []; Item.where(category: "fruit").find_each(batch_size: 1) { |r| a << r.id }; a }
run("b.find_each_desc") { a = []; Item.find_each(batch_size: 2, order: :desc) { |r| a << r.id }; a }
run("w.update_all") { [Item.where(category: "fruit").update_all(qty: 0), Item.where(qty: 0).count] }
run("w.delete_all") { [Item.where(category: "fruit").delete_all, Item.count] }
run("w.destroy_all") { rs = Item.where(category: "fruit").destroy_all; [rs.map(&:id), rs.map(&:destroyed?), Item.count] }
run("w.delete_by") { [Item.delete_by(category: "veg"), Item.count] }
run("w.update_all_empty") { Item.update_all({}) }

# ---------------- enums
run("e.mapping") { [Post.statuses, Post.kinds] }
run("e.predicates") { p = Post.find("p1"); [p.draft?, p.published?, p.status, p.kind_short?, p.kind_long?] }
run("e.int_read") { Post.find("p2").kind }
run("e.bang") { p = Post.find("p1"); ret = p.published!; [ret, p.status, Post.find("p1").status, p.saved_changes] }
run("e.scopes") { [ids(Post.published), ids(Post.not_published), ids(Post.kind_long), ids(Post.not_kind_long), Post.draft.count] }
run("e.invalid") { p = Post.find("p1"); p.status = "paused" }
run("e.invalid_new") { Post.new(status: "paused") }
run("e.invalid_update") { Post.find("p1").update(status: "bogus") }
run("e.invalid_int") { Post.new(kind: 7) }
run("e.where_label") { [ids(Post.where(status: :published)), ids(Post.where(kind: :long)), ids(Post.where(status: "paused"))] }
run("e.changes") { p = Post.find("p1"); p.status = "archived"; [p.changes, p.attribute_changed?(:status, from: "draft", to: "archived")] }
run("e.suffix") { p = PostS.find("p1"); [p.draft_status?, p.published_status?, ids(PostS.draft_status)] }
run("e.blank_assign") { p = Post.find("p1"); p.status = ""; [p.status, p.changes] }
run("e.create_label") { p = Post.create!(id: "p9", title: "x", status: :archived); [p.status, Post.find("p9").status] }
run("e.int_label_assign") { p = Post.find("p1"); p.kind = "long"; [p.kind_long?, p.changed?, p.save, Post.where(kind: 1).count] }

# ================= second round, each area again (v2, d2, p2, f2, c2, b2, e2, m2)
run("v2.int.string_1_0") { v(VInt, age: "1.0") }
run("v2.num.nil_allowed_empty") { v(VNumNil, age: "") }
run("v2.num.spaces_only") { v(VNum, age: "   ") }
run("v2.incl_int_string") { v(VInclInt, age: "1") }
run("v2.len_num") { v(VLenNum, age: 12345) }
run("v2.errors_add_symbol") { r = VPresence.new(name: "x"); r.errors.add(:name, :invalid); r.errors.full_messages }
run("v2.no_validations_valid") { r = Item.new; [r.valid?, r.errors.full_messages] }
run("v2.save_string_number_prop") { r = VNum.create!(id: "x1", age: 1); r.age = "12"; [r.save, VNum.find("x1").age, r.age] }
run("v2.save_abc_number_prop") { r = VNum.create!(id: "x1", age: 1); r.age = "abc"; [r.save, r.errors.full_messages, VNum.find("x1").age] }
run("v2.save_abc_no_validation") { r = Item.find("i1"); r.qty = "abc"; [r.save, Item.find("i1").qty] }
run("v2.errors_cleared_after_good_save") { r = VPresence.new(id: "x1"); r.save; r.name = "ok"; [r.save, r.errors.full_messages, r.errors.empty?] }
run("d2.increment_bang_keeps_other_changes") { r = Item.find("i1"); r.name = "X"; r.increment!(:qty); [r.changes, Item.find("i1").attributes.slice("name", "qty")] }
run("d2.toggle_bang_saves_all") { r = Item.find("i1"); r.name = "X"; r.toggle!(:active); [r.changed?, Item.find("i1").attributes.slice("name", "active")] }
run("d2.toggle_bang_invalid_record") { VPresence.new(id: "x1", name: "").save(validate: false); r = VPresence.find("x1"); [r.toggle!(:flag), VPresence.find("x1").flag] }
run("d2.update_column_same_col_pending") { r = Item.find("i1"); r.qty = 77; r.update_column(:qty, 50); [r.qty, r.changes, r.changed?] }
run("d2.will_save_to") { r = Item.find("i1"); r.name = "X"; [r.will_save_change_to_attribute?(:name, to: "X"), r.will_save_change_to_attribute?(:name, from: "Apple"), r.will_save_change_to_attribute?(:name, to: "Y")] }
run("d2.new_record_from_nil") { r = Item.new(name: "x"); [r.attribute_changed?(:name, from: nil), r.attribute_changed?(:qty), r.changed] }
run("d2.noop_update") { r = Item.find("i1"); r.update(name: "Z"); r.update(name: "Z"); [r.saved_changes, r.name_before_last_save] }
run("d2.saved_after_update_columns") { r = Item.find("i1"); r.update!(name: "B"); r.update_columns(qty: 3); [r.saved_changes, r.saved_change_to_name?] }
run("d2.create_then_update_prev") { r = Item.create!(id: "n1", name: "A"); r.update!(name: "B"); [r.previous_changes, r.previously_new_record?] }
run("d2.float_change_equiv") { r = Item.find("i3"); r.price = 2; [r.changed?, r.changes] }
run("d2.restore_returns_unchanged_names") { r = Item.find("i1"); r.name = "X"; r.restore_attributes([:name, :qty]) }
run("d2.previously_persisted") { r = Item.find("i1"); r.destroy; r.previously_persisted? }
run("p2.create_or_find_existing") { r = Item.create_or_find_by(id: "i1"); [r.id, r.name, r.persisted?] }
run("p2.create_or_find_new") { r = Item.create_or_find_by(id: "n1", name: "N"); [r.id, r.persisted?, Item.count] }
run("p2.create_or_find_conflict_mismatch") { Item.create_or_find_by!(id: "i1", name: "Other") }
run("p2.first_or_create") { r = Item.where(category: "zz").first_or_create(id: "n1", name: "N"); [r.category, r.persisted?, Item.count] }
run("p2.first_or_create_existing") { r = Item.where(category: "fruit").first_or_create(id: "n1", name: "N"); [r.id, Item.count] }
run("p2.build_alias") { r = Item.where(category: "veg").build(name: "b"); [r.category, r.name, r.new_record?] }
run("p2.create_array_with_invalid") { rs = VPresence.create([{ id: "x1", name: "a" }, { id: "x2" }]); [rs.map(&:persisted?), VPresence.count] }
run("p2.destroy_by") { rs = Item.destroy_by(category: "veg"); [rs.map(&:id), rs.map(&:destroyed?), Item.count] }
run("p2.update_noop_true") { r = Item.find("i1"); [r.update({}), r.saved_changes] }
run("p2.save_new_then_find") { r = Item.new(id: "n1", name: "N", qty: 2); r.save; Item.find("n1").attributes }
run("p2.update_class_multiple_attrs") { r = Item.update("i2", qty: 3, active: true); [r.qty, r.active, r.changed?] }
run("p2.destroy_twice") { r = Item.find("i1"); r.destroy; ret = r.destroy; [ret.equal?(r), Item.count] }
run("f2.or_incompatible_order") { Item.where(name: "Apple").or(Item.order(:name)).to_a }
run("f2.or_incompatible_limit") { Item.where(name: "Apple").limit(1).or(Item.where(name: "Fig")).to_a }
run("f2.where_not_empty") { ids(Item.where.not(id: [])) }
run("f2.where_not_in_with_nil") { ids(Item.where.not(category: ["fruit", nil])) }
run("f2.where_not_in") { ids(Item.where.not(category: ["fruit"])) }
run("f2.or_nil") { ids(Item.where(qty: nil).or(Item.where(qty: 1))) }
run("f2.limit_last") { Item.limit(2).last.id }
run("f2.limit_first_n") { Item.limit(2).first(3).map(&:id) }
run("f2.offset_first") { Item.offset(2).first.id }
run("f2.order_last_nulls") { [Item.order(:qty).last.id, Item.order(qty: :desc).first(3).map(&:id), Item.order(:qty).first.id] }
run("f2.where_last_n") { Item.where(category: "fruit").last(2).map(&:id) }
run("f2.unscope_order_limit") { [ids(Item.order(:name).unscope(:order)), ids(Item.limit(1).unscope(:limit))] }
run("f2.reverse_first") { Item.order(:position).reverse_order.first.id }
run("f2.take_many") { Item.take(10).map(&:id) }
run("f2.forty_two_bang") { Item.forty_two! }
run("f2.find_by_multi") { [Item.find_by(category: "fruit", active: false).id, Item.find_by(id: ["i3", "i2"]).id] }
run("f2.find_by_order") { Item.order(:position).find_by(category: "fruit").id }
run("f2.exists_array_ids") { [Item.where(id: "i1").exists?("i2"), (Item.exists?(["i1", "i2"]) rescue "err")] }
run("f2.none_or") { ids(Item.none.or(Item.where(id: "i1"))) }
run("f2.where_chain_same_col") { ids(Item.where(category: "fruit").where(category: "veg")) }
run("f2.find_string_on_limited") { Item.order(:id).limit(1).find("i3") }
run("f2.first_n_ordered") { [Item.order(:name).first(3).map(&:id), Item.order(:name).last(3).map(&:id)] }
run("c2.group_min_name") { Item.group(:category).minimum(:name).to_a }
run("c2.where_group_sum") { Item.where(category: "fruit").group(:active).sum(:price).to_a }
run("c2.distinct_pluck_multi") { Item.distinct.order(:category, :active).pluck(:category, :active) }
run("c2.distinct_count_all") { Item.distinct.count }
run("c2.max_bool") { [Item.maximum(:active), Item.minimum(:active)] }
run("c2.offset_count") { [Item.offset(4).count, Item.order(:id).offset(4).count] }
run("c2.limit_pluck") { [Item.order(:id).limit(3).pluck(:id), Item.order(:name).limit(2).pick(:name)] }
run("c2.average_limit") { Item.order(:id).limit(2).average(:qty) }
run("c2.min_limit") { Item.order(:id).limit(2).minimum(:qty) }
run("c2.count_distinct_col_limit") { Item.order(:id).limit(3).distinct.count(:category) }
run("c2.sum_distinct") { Item.distinct.sum(:qty) }
run("c2.group_count_limit") { Item.group(:category).limit(2).count.to_a }
run("c2.pluck_distinct_nulls") { Item.distinct.pluck(:active).sort_by(&:to_s) }
run("b2.find_each_limit") { a = []; Item.limit(3).find_each(batch_size: 2) { |r| a << r.id }; a }
run("b2.find_each_ordered") { a = []; Item.order(:name).find_each(batch_size: 4) { |r| a << r.id }; a }
run("b2.in_batches_delete_all") { [Item.in_batches(of: 2).delete_all, Item.count] }
run("b2.find_in_batches_start_finish") { Item.find_in_batches(batch_size: 2, start: "i2", finish: "i5").map { |b| b.map(&:id) } }
run("e2.not_label") { ids(Post.where.not(status: :draft)) }
run("e2.bang_same") { p = Post.find("p1"); [p.draft!, p.saved_changes] }
run("e2.new_default") { p = Post.new; [p.status, p.draft?] }
run("e2.new_label") { p = Post.new(status: "published"); [p.published?, p.status] }
run("e2.enum_where_array") { ids(Post.where(status: [:draft, :archived])) }
run("e2.int_bang") { p = Post.find("p1"); p.kind_long!; Post.where(kind: 1).count }
run("m2.column_names") { Item.column_names }
run("m2.primary_key") { [Item.primary_key, Item.table_name] }

# ================= third round
run("c3.sum_distinct_dupes") { Item.create!(id: "n1", name: "x", qty: 10); [Item.distinct.sum(:qty), Item.sum(:qty), Item.distinct.count(:qty)] }
run("c3.distinct_average_dupes") { Item.create!(id: "n1", name: "x", qty: 10); Item.distinct.average(:qty) }
run("p3.create_missing_required") { Item.create!(id: "n1") }
run("f3.string_range") { ids(Item.where(name: "B".."E")) }
run("f3.where_in_nil_mixed") { ids(Item.where(code: [nil, "A1"])) }
run("c3.distinct_count_bool") { Item.distinct.count(:active) }
run("c3.pluck_desc_nulls") { Item.order(price: :desc).pluck(:price) }
run("p3.reload_keeps_errors") { VPresence.create!(id: "x1", name: "a"); r = VPresence.find("x1"); r.name = ""; r.valid?; r.reload; [r.name, r.errors.full_messages] }
run("e3.scope_chain") { [Post.published.or(Post.archived).count, ids(Post.where(kind: 1).published)] }
run("p3.increment_negative") { r = Item.find("i1"); r.increment!(:qty, -4); [r.qty, Item.find("i1").qty] }
run("d3.after_destroy") { r = Item.find("i1"); r.name = "X"; r.destroy; [r.changed?, r.changes, r.previous_changes] }
run("v3.score_only_integer_string") { v(VScoreInt, score: "3") }
run("f3.exists_none_cond") { [Item.none.exists?("i1"), Item.where(category: "fruit").exists?(name: "Carrot")] }
run("d3.toggle_twice") { r = Item.find("i1"); r.toggle(:active); r.toggle(:active); [r.changed?, r.changes] }
run("f3.find_by_bang_ok") { Item.find_by!(code: "C3").id }
run("c3.sum_float_precision") { Item.where(id: ["i1", "i2"]).sum(:price) }
run("f3.order_then_where_pluck") { Item.where(active: true).order(qty: :desc).pluck(:id) }
run("e3.pluck_enum") { Post.order(:id).pluck(:status) }

# ================= associations (as.*): seed rows in models.rb (clients c1-c3, jobs j1-j4, tasks t1-t5, ...)
# ---------------- belongs_to readers
run("as.bt.reader") { Job.find("j1").client }
run("as.bt.reader_nil") { Job.find("j4").client }
run("as.bt.reader_dangling") { Job.create!(id: "j9", title: "x", client_id: "zz"); Job.find("j9").client }
run("as.bt.chain") { Task.find("t3").job.client.name }
run("as.bt.fk_change_rereads") { j = Job.find("j1"); j.client; j.client_id = "c2"; j.client.name }
run("as.bt.reload_rereads") { j = Job.find("j1"); j.client; Client.where(id: "c1").update_all(name: "Acme2"); j.reload; j.client.name }
run("as.bt.cached") { j = Job.find("j1"); j.client; Client.where(id: "c1").update_all(name: "Acme2"); j.client.name }
run("as.bt.create_client") { j = Job.find("j4"); c = j.create_client!(id: "c9", name: "N"); [j.client_id, c.persisted?, j.changes] }

# ---------------- belongs_to assignment: the object or the foreign key
run("as.assign.object") { j = Job.find("j4"); j.client = Client.find("c2"); [j.client_id, j.changes, j.client.name] }
run("as.assign.object_save") { j = Job.find("j4"); j.client = Client.find("c2"); [j.save, Job.find("j4").client_id] }
run("as.assign.nil") { j = Job.find("j1"); j.client = nil; [j.client_id, j.changes, j.client] }
run("as.assign.fk_then_reader") { j = Job.find("j4"); j.client_id = "c3"; [j.client.name, j.changes] }
run("as.assign.new_with_object") { j = Job.new(title: "x", client: Client.find("c1")); [j.client_id, j.new_record?, j.client.name] }
run("as.assign.update_with_object") { j = Job.find("j1"); [j.update(client: Client.find("c3")), Job.find("j1").client_id] }
run("as.assign.wrong_class") { j = Job.find("j1"); [raised_class { j.client = Task.find("t1") }, j.client_id] }
run("as.assign.unsaved_parent") { j = Job.find("j4"); j.client = Client.new(id: "c9", name: "New"); [j.save, Client.exists?("c9"), Job.find("j4").client_id] }
run("as.assign.where_record") { Job.where(client: Client.find("c1")).order(:id).pluck(:id) }

# ---------------- has_many readers and collection methods
run("as.hm.reader") { Client.find("c1").jobs.map(&:id) }
run("as.hm.reader_empty") { Client.find("c3").jobs.to_a }
run("as.hm.records") { Client.find("c2").jobs.to_a }
run("as.hm.order") { Client.find("c1").jobs.order(priority: :desc).map(&:id) }
run("as.hm.where") { Client.find("c1").jobs.where(status: "active").map(&:id) }
run("as.hm.count") { [Client.find("c1").jobs.count, Client.find("c3").jobs.count, Client.find("c1").jobs.where(status: "done").count] }
run("as.hm.size_length") { c = Client.find("c1"); [c.jobs.size, c.jobs.length] }
run("as.hm.empty_any") { c1 = Client.find("c1"); c3 = Client.find("c3"); [c1.jobs.empty?, c3.jobs.empty?, c1.jobs.any?, c3.jobs.any?, c3.jobs.none?] }
run("as.hm.many_one") { [Client.find("c1").jobs.many?, Client.find("c2").jobs.many?, Client.find("c2").jobs.one?] }
run("as.hm.exists") { j = Client.find("c1").jobs; [j.exists?, j.exists?("j2"), j.exists?("j3"), j.exists?(status: "done"), j.exists?(status: "draft")] }
run("as.hm.pluck") { [Client.find("c1").jobs.order(:id).pluck(:title), Client.find("c1").jobs.order(:id).pluck(:id, :priority)] }
run("as.hm.ids") { [Client.find("c1").jobs.ids, Client.find("c3").jobs.ids] }
run("as.hm.singular_ids") { Client.find("c1").job_ids }
run("as.hm.first_last") { j = Client.find("c1").jobs; [j.first.id, j.last.id, j.order(:priority).first.id, j.first(5).map(&:id)] }
run("as.hm.find") { Client.find("c1").jobs.find("j2").title }
run("as.hm.find_outside") { Client.find("c1").jobs.find("j3") }
run("as.hm.find_by") { j = Client.find("c1").jobs; [j.find_by(title: "Wire").id, j.find_by(title: "Tile")] }
run("as.hm.find_by_bang_outside") { Client.find("c1").jobs.find_by!(title: "Tile") }
run("as.hm.calculations") { j = Client.find("c1").jobs; [j.sum(:priority), j.maximum(:priority), j.minimum(:title), j.average(:priority)] }
run("as.hm.group_count") { Client.find("c1").jobs.group(:status).count.to_a }
run("as.hm.include") { j = Client.find("c1").jobs; [j.include?(Job.find("j1")), j.include?(Job.find("j3"))] }
run("as.hm.new_owner_reader") { Client.new(name: "x").jobs.to_a }
run("as.hm.new_owner_count") { Client.new(name: "x").jobs.count }
run("as.hm.cached_after_load") { c = Client.find("c3"); c.jobs.to_a; Job.create!(id: "j9", title: "x", client_id: "c3"); c.jobs.map(&:id) }
run("as.hm.reload") { c = Client.find("c3"); c.jobs.to_a; Job.create!(id: "j9", title: "x", client_id: "c3"); c.jobs.reload.map(&:id) }
run("as.hm.update_all") { [Client.find("c1").jobs.update_all(status: "done"), Job.where(status: "done").order(:id).pluck(:id)] }
run("as.hm.delete_all") { ret = Client.find("c1").jobs.delete_all; [ret, Job.count, Job.where(client_id: nil).order(:id).pluck(:id)] }
run("as.hm.destroy_all") { rs = Client.find("c1").jobs.destroy_all; [rs.map(&:id), rs.map(&:destroyed?), Job.count, Task.order(:id).pluck(:id)] }
run("as.hm.delete_record") { c = Client.find("c1"); c.jobs.delete(Job.find("j2")); [Job.exists?("j2"), Job.find("j2").client_id, c.jobs.count] }
run("as.hm.destroy_by_id") { c = Client.find("c1"); rs = c.jobs.destroy("j2"); [rs.map(&:id), Job.exists?("j2"), c.jobs.count] }
run("as.hm.concat") { c = Client.find("c3"); c.jobs << Job.find("j4"); [Job.find("j4").client_id, c.jobs.count] }

# ---------------- has_many builders
run("as.build.new") { j = Client.find("c1").jobs.new(title: "x"); [j.client_id, j.new_record?, j.title, j.changes] }
run("as.build.new_then_save") { j = Client.find("c1").jobs.new(id: "j9", title: "x"); [j.save, Job.find("j9").client_id] }
run("as.build.size_counts_built") { c = Client.find("c1"); c.jobs.build(title: "x"); [c.jobs.count, c.jobs.size] }
run("as.build.create") { j = Client.find("c1").jobs.create(id: "j9", title: "x"); [j.persisted?, j.client_id, Client.find("c1").jobs.count] }
run("as.build.create_invalid") { j = Client.find("c1").jobs.create(id: "j9", title: ""); [j.persisted?, j.client_id, j.errors.full_messages, Job.count] }
run("as.build.create_bang") { Client.find("c2").jobs.create!(id: "j9", title: "x"); Job.find("j9").client_id }
run("as.build.create_bang_invalid") { Client.find("c1").jobs.create!(id: "j9", title: "") }
run("as.build.owner_key_wins") { Client.find("c1").jobs.new(title: "x", client_id: "c2").client_id }
run("as.build.unsaved_owner_create") { Client.new(name: "x").jobs.create(title: "y") }
run("as.build.create_array") { rs = Client.find("c3").jobs.create([{ id: "j8", title: "a" }, { id: "j9", title: "b" }]); [rs.map(&:client_id), Client.find("c3").jobs.count] }
run("as.build.where_new") { j = Client.find("c1").jobs.where(status: "done").new(title: "x"); [j.client_id, j.status] }
run("as.build.scope_new") { j = Client.find("c1").jobs.active.new(title: "x"); [j.client_id, j.status] }
run("as.build.find_or_create_other_owner") { r = Client.find("c1").jobs.find_or_create_by(id: "j9", title: "Tile"); [r.id, r.client_id, Job.count] }
run("as.build.task_through_job") { t = Job.find("j2").tasks.create!(id: "t9", title: "x", position: 2); [t.job_id, Job.find("j2").tasks.order(:id).pluck(:id)] }

# ---------------- has_one
run("as.ho.reader") { Client.find("c1").profile }
run("as.ho.reader_nil") { Client.find("c3").profile }
run("as.ho.build") { p = Client.find("c3").build_profile(bio: "New"); [p.client_id, p.new_record?, p.bio] }
run("as.ho.create") { Client.find("c3").create_profile!(id: "pr9", bio: "x"); Profile.find("pr9").client_id }

# ---------------- has_many :through and has_one :through
run("as.th.reader") { Client.find("c1").tasks.order(:id).map(&:id) }
run("as.th.count") { [Client.find("c1").tasks.count, Client.find("c3").tasks.count, Client.find("c2").tasks.exists?] }
run("as.th.where") { Client.find("c1").tasks.where(done: true).pluck(:id) }
run("as.th.tags") { Job.find("j1").tags.order(:name).pluck(:name) }
run("as.th.tag_jobs") { Tag.find("g2").jobs.order(:id).pluck(:id) }
run("as.th.ids") { Job.find("j1").tags.order(:id).ids }
run("as.th.find_outside") { Job.find("j1").tags.find("g3") }
run("as.th.includes") { Job.includes(:tags).order(:id).map { |j| [j.id, j.tags.map(&:name).sort] } }
run("as.th.create") { Job.find("j4").tags.create!(id: "g9", name: "new"); [Tag.count, Tagging.where(job_id: "j4").count] }
run("as.th.has_one_reader") { Task.find("t3").client.name }
run("as.th.has_one_nil") { Task.find("t5").client }
run("as.th.has_one_includes") { Task.includes(:client).order(:id).map { |t| [t.id, t.client&.name] } }

# ---------------- includes / preload / eager_load
run("as.inc.belongs_to") { Job.includes(:client).order(:id).map { |j| [j.id, j.client&.name] } }
run("as.inc.has_many") { Client.includes(:jobs).order(:id).map { |c| [c.id, c.jobs.map(&:id)] } }
run("as.inc.has_one") { Client.includes(:profile).order(:id).map { |c| [c.id, c.profile&.bio] } }
run("as.inc.nested") { Client.includes(jobs: :tasks).order(:id).map { |c| [c.id, c.jobs.map { |j| [j.id, j.tasks.map(&:id)] }] } }
run("as.inc.two") { Job.includes(:client, :tasks).order(:id).map { |j| [j.id, j.client&.name, j.tasks.size] } }
run("as.inc.find") { Job.includes(:client).find("j3").client.name }
run("as.inc.count") { [Client.includes(:jobs).count, Client.includes(:jobs).where(id: "c1").count] }
run("as.inc.cached") { c = Client.includes(:jobs).find("c1"); Job.create!(id: "j9", title: "x", client_id: "c1"); c.jobs.map(&:id) }
run("as.inc.scoped_assoc") { c = Client.includes(:jobs).find("c1"); c.jobs.where(status: "done").map(&:id) }
run("as.inc.preload") { Job.preload(:client).order(:id).map { |j| [j.id, j.client&.name] } }
run("as.inc.eager_load") { Job.eager_load(:client).order(:id).map { |j| [j.id, j.client&.name] } }

# ---------------- joins
run("as.join.belongs_to_where") { Job.joins(:client).where(clients: { name: "Acme" }).order(:id).pluck(:id) }
run("as.join.has_many_repeats") { Client.joins(:jobs).order(:id).pluck(:id) }
run("as.join.has_many_distinct") { Client.joins(:jobs).distinct.order(:id).pluck(:id) }
run("as.join.where_count") { Client.joins(:jobs).where(jobs: { status: "active" }).count }
run("as.join.assoc_name_key") { Job.joins(:client).where(client: { name: "Globex" }).order(:id).pluck(:id) }
run("as.join.not") { Job.joins(:client).where.not(clients: { name: "Acme" }).order(:id).pluck(:id) }
run("as.join.not_mixed") { Job.joins(:client).where.not(title: "Paint", clients: { name: "Acme" }).order(:id).pluck(:id) }
run("as.join.or") { Job.joins(:client).where(clients: { name: "Acme" }).or(Job.joins(:client).where(title: "Roof")).order(:id).pluck(:id) }
run("as.join.same_row") { Job.joins(:tasks).where(tasks: { title: "Coat" }).where(tasks: { position: 1 }).order(:id).pluck(:id) }
run("as.join.same_row_not") { Job.joins(:tasks).where(tasks: { position: 2 }).where.not(tasks: { title: "Coat" }).order(:id).pluck(:id) }
run("as.join.rewhere") { Job.joins(:client).where(clients: { name: "Acme" }).rewhere(clients: { name: "Globex" }).order(:id).pluck(:id) }
run("as.join.nested") { Client.joins(jobs: :tasks).where(jobs: { tasks: { title: "Grout" } }).order(:id).pluck(:id) }
run("as.join.nested_bare") { Client.joins(jobs: :tasks).distinct.order(:id).pluck(:id) }
run("as.join.through") { Job.joins(:tags).where(tags: { name: "outdoor" }).order(:id).pluck(:id) }
run("as.join.empty_hash") { Job.joins(:client).where(clients: {}).count }
run("as.join.or_keeps_join") { Job.joins(:client).or(Job.where(title: "Roof")).order(:id).pluck(:id) }
run("as.join.unscope_where") { Job.joins(:client).where(title: "Paint").unscope(:where).order(:id).pluck(:id) }
run("as.join.unscope_joins") { Job.joins(:client).unscope(:joins).count }
run("as.join.unscope_name") { Job.joins(:client).where(clients: { name: "Acme" }).unscope(where: :name).order(:id).pluck(:id) }
run("as.join.nested_not") { Job.create!(id: "j9", title: "x", client_id: "c3"); Client.joins(jobs: :tasks).where.not(jobs: { title: "Paint", tasks: { title: "Primer" } }).distinct.order(:id).pluck(:id) }
run("as.join.not_many_columns") { Job.joins(:tasks).where(tasks: { title: "Primer" }).where.not(tasks: { title: "Primer", position: 1 }).order(:id).pluck(:id) }
run("as.join.empty_not") { Job.joins(:client).where.not(clients: {}).order(:id).pluck(:id) }
run("as.join.own_table") { Job.where(jobs: { title: "Paint" }).pluck(:id) }
run("as.join.merge_scope") { Client.joins(:jobs).merge(Job.active).distinct.order(:id).pluck(:id) }
run("as.join.merge_belongs_to") { Job.joins(:client).merge(Client.where(name: "Acme")).order(:id).pluck(:id) }
run("as.join.merge_replaces") { Client.joins(:jobs).where(jobs: { status: "done" }).merge(Job.where(status: "active")).distinct.order(:id).pluck(:id) }
run("as.join.merge_one_row") { Client.joins(:jobs).merge(Job.where(status: "active")).merge(Job.where(title: "Wire")).distinct.order(:id).pluck(:id) }
run("as.join.merge_nested") { Client.joins(jobs: :tasks).merge(Task.where(title: "Primer")).distinct.order(:id).pluck(:id) }
run("as.join.merge_joins") { Client.joins(:jobs).merge(Job.joins(:tasks).where(tasks: { title: "Primer" })).distinct.order(:id).pluck(:id) }
run("as.join.merge_none") { Client.joins(:jobs).merge(Job.none).pluck(:id) }
run("as.join.merge_not") { Client.joins(:jobs).merge(Job.where.not(status: "active")).distinct.order(:id).pluck(:id) }
run("as.join.pluck_belongs_to") { Job.joins(:client).order(:id).pluck(:title, "clients.name") }
run("as.join.pluck_has_many") { Client.joins(:jobs).where(jobs: { status: "active" }).pluck("jobs.title").map(&:to_s).sort }
run("as.join.pick") { Job.joins(:client).order(:id).pick("clients.name") }
run("as.lj.pluck") { Job.left_joins(:client).order(:id).pluck("clients.name") }
run("as.lj.includes_pluck") { Job.includes(:client).order(:id).pluck(:id, "clients.name") }
run("as.join.order_joined") { Job.joins(:client).order("clients.name desc", :id).pluck(:id) }
run("as.join.order_joined_limit") { Job.joins(:client).order("clients.name desc", :id).offset(1).limit(2).pluck(:id) }
run("as.join.merge_order") { Job.joins(:client).merge(Client.order(name: :desc)).order(:id).pluck(:id) }
run("as.lj.order") { Job.left_joins(:client).order("clients.name", id: :desc).pluck(:id) }
run("as.lj.all") { Job.left_joins(:client).distinct.order(:id).pluck(:id) }
run("as.lj.missing_belongs_to") { Job.left_joins(:client).where(clients: { id: nil }).order(:id).pluck(:id) }
run("as.lj.missing_has_many") { Client.left_outer_joins(:jobs).where(jobs: { id: nil }).order(:id).pluck(:id) }
run("as.lj.condition") { Job.left_joins(:client).where(clients: { name: "Acme" }).order(:id).pluck(:id) }
run("as.lj.includes_missing") { Job.includes(:client).where(clients: { id: nil }).order(:id).pluck(:id) }
run("as.lj.includes_loads_matching") { Client.includes(:jobs).where(jobs: { status: "active" }).order(:id).map { |c| [c.id, c.jobs.map(&:id)] } }
run("as.lj.includes_not") { Client.includes(:jobs).where.not(jobs: { status: "active" }).order(:id).map { |c| [c.id, c.jobs.map(&:id)] } }
run("as.lj.includes_none") { Client.includes(:jobs).where(jobs: { id: nil }).order(:id).map { |c| [c.id, c.jobs.map(&:id)] } }
run("as.lj.joins_includes") { Client.joins(:jobs).includes(:jobs).where(jobs: { status: "done" }).order(:id).map { |c| [c.id, c.jobs.map(&:id)] } }

# ---------------- default_scope (ClientDS hides Initech, c3; j9 is Initech's job)
run("as.ds.all") { ClientDS.order(:id).pluck(:id) }
run("as.ds.unscoped") { ClientDS.unscoped.order(:id).pluck(:id) }
run("as.ds.count_where") { ClientDS.where(name: ["Acme", "Initech"]).count }
run("as.ds.joins") { JobDS.create!(id: "j9", title: "x", client_id: "c3"); JobDS.joins(:client).order(:id).pluck(:id) }
run("as.ds.joined_where") { JobDS.create!(id: "j9", title: "x", client_id: "c3"); JobDS.joins(:client).where(clients: { name: "Initech" }).pluck(:id) }
run("as.ds.missing") { JobDS.create!(id: "j9", title: "x", client_id: "c3"); JobDS.where.missing(:client).order(:id).pluck(:id) }
run("as.ds.reader") { JobDS.create!(id: "j9", title: "x", client_id: "c3"); JobDS.find("j9").client }

# ---------------- where.associated (7.0) / where.missing (6.1)
run("as.wa.associated") { where_associated(Job, :client).order(:id).pluck(:id) }
run("as.wa.associated_has_many") { where_associated(Client, :jobs).order(:id).pluck(:id) }
run("as.wa.missing") { Job.where.missing(:client).pluck(:id) }
run("as.wa.missing_has_many") { Client.where.missing(:jobs).pluck(:id) }
run("as.wa.missing_has_one") { Client.where.missing(:profile).pluck(:id) }
run("as.wa.missing_dangling") { Job.create!(id: "j9", title: "x", client_id: "zz"); Job.where.missing(:client).order(:id).pluck(:id) }
run("as.wa.missing_chain") { [Job.where.missing(:client).where(status: "active").pluck(:id), Job.where(status: "draft").where.missing(:client).count] }
run("as.wa.missing_through") { Client.where.missing(:tasks).pluck(:id) }

# ---------------- a required belongs_to ("must exist") and optional: true
run("as.req.missing") { t = Task.new(title: "x"); [t.valid?, t.errors.full_messages] }
run("as.req.errors_hash") { t = Task.new(title: "x"); t.valid?; t.errors.to_hash }
run("as.req.dangling") { t = Task.new(title: "x", job_id: "zz"); [t.valid?, t.errors.full_messages] }
run("as.req.create_bang") { Task.create!(id: "t9", title: "x") }
run("as.req.save_false") { t = Task.new(id: "t9", title: "x"); [t.save, Task.count, t.new_record?] }
run("as.req.with_object") { t = Task.new(title: "x", job: Job.find("j1")); [t.valid?, t.job_id] }
run("as.req.update_to_nil") { n = Note.find("n1"); [n.update(job_id: nil), n.errors.full_messages, Note.find("n1").job_id] }
run("as.req.optional") { j = Job.create!(id: "j9", title: "x"); [j.persisted?, j.client_id] }
run("as.req.both_errors") { t = Task.new(title: ""); t.valid?; t.errors.full_messages }

# ---------------- dependent:
run("as.dep.destroy") { c = ClientD.find("c1"); r = c.destroy; [r.destroyed?, Job.order(:id).pluck(:id), Task.order(:id).pluck(:id), Tagging.order(:id).pluck(:id)] }
run("as.dep.delete_all") { ClientDA.find("c1").destroy; [Job.order(:id).pluck(:id), Task.order(:id).pluck(:id)] }
run("as.dep.nullify") { ClientN.find("c1").destroy; [ClientN.count, Job.order(:id).pluck(:id, :client_id)] }
run("as.dep.restrict_with_error") { c = ClientRE.find("c1"); [c.destroy, c.errors.full_messages, c.destroyed?, ClientRE.count] }
run("as.dep.restrict_with_error_none") { c = ClientRE.find("c3"); [c.destroy.destroyed?, ClientRE.count] }
run("as.dep.restrict_with_error_bang") { ClientRE.find("c1").destroy! }
run("as.dep.restrict_with_exception") { ClientRX.find("c1").destroy }
run("as.dep.restrict_with_exception_count") { c = ClientRX.find("c1"); (c.destroy rescue nil); [ClientRX.count, Job.count, c.destroyed?] }
run("as.dep.class_destroy_refused") { ClientRE.destroy("c1") }
run("as.dep.has_one_destroy") { ClientPD.find("c1").destroy; Profile.order(:id).pluck(:id) }
run("as.dep.has_one_nullify") { ClientPN.find("c1").destroy; Profile.order(:id).pluck(:id, :client_id) }
run("as.dep.has_one_restrict") { c = ClientPR.find("c1"); [c.destroy, c.errors.full_messages, ClientPR.count] }
run("as.dep.delete_skips") { ClientD.find("c1").delete; [ClientD.count, Job.count, Task.count] }
run("as.dep.destroy_all_relation") { ClientD.where(id: ["c1", "c2"]).destroy_all; [Job.order(:id).pluck(:id), Task.order(:id).pluck(:id)] }
run("as.dep.job_chain") { Job.find("j1").destroy; [Task.order(:id).pluck(:id), Tagging.order(:id).pluck(:id), Note.count] }

# ---------------- belongs_to touch: true
run("as.touch.create") { Gadget.create!(id: "gd9", name: "x", owner_id: "o2"); [fresh("o1"), fresh("o2")] }
run("as.touch.update") { Gadget.find("gd1").update!(name: "y"); [fresh("o1"), fresh("o2")] }
run("as.touch.noop_save") { [Gadget.find("gd1").save, fresh("o1")] }
run("as.touch.move") { Gadget.find("gd1").update!(owner_id: "o2"); [fresh("o1"), fresh("o2")] }
run("as.touch.destroy") { Gadget.find("gd1").destroy; fresh("o1") }
run("as.touch.update_columns") { Gadget.find("gd1").update_columns(name: "z"); fresh("o1") }
run("as.touch.delete") { Gadget.find("gd1").delete; fresh("o1") }
run("as.touch.touch") { Gadget.find("gd1").touch; fresh("o1") }
run("as.touch.no_owner") { g = Gadget.create!(id: "gd9", name: "x"); [g.persisted?, fresh("o1"), fresh("o2")] }

# ---------------- inverse_of (automatic for a has_many / belongs_to pair)
run("as.inv.loaded_parent_same") { c = Client.find("c1"); c.jobs.to_a.first.client.equal?(c) }
run("as.inv.unsaved_change_seen") { c = Client.find("c1"); c.name = "Changed"; c.jobs.to_a.first.client.name }
run("as.inv.built_parent_same") { c = Client.find("c1"); j = c.jobs.build(title: "x"); j.client.equal?(c) }
run("as.inv.includes_parent") { c = Client.includes(:jobs).find("c1"); c.name = "Changed"; c.jobs.first.client.name }

# ---------------- single-table inheritance (Manager < Member, Director < Manager; m1, m5 plain members)
run("as.sti.all") { Manager.order(:id).pluck(:id) }
run("as.sti.nested") { Director.order(:id).pluck(:id) }
run("as.sti.base") { Member.order(:id).pluck(:id) }
run("as.sti.where") { Manager.where(client_id: "c2").order(:id).pluck(:id) }
run("as.sti.scope") { Manager.active.order(:id).pluck(:id) }
run("as.sti.count") { [Manager.count, Director.count, Member.count] }
run("as.sti.find_other") { Manager.find("m1") }
run("as.sti.find_descendant") { Manager.find("m3").type }
run("as.sti.find_by_other") { Manager.find_by(name: "Mia") }
run("as.sti.exists_other") { [Manager.exists?("m1"), Manager.exists?("m3")] }
run("as.sti.unscoped") { Manager.unscoped.order(:id).pluck(:id) }
run("as.sti.unscope_where") { Manager.unscope(:where).order(:id).pluck(:id) }
run("as.sti.unscope_type") { Manager.unscope(where: :type).order(:id).pluck(:id) }
run("as.sti.where_other_type") { Manager.where(type: "Member").count }
run("as.sti.rewhere") { Manager.rewhere(type: "Director").pluck(:id) }
run("as.sti.new_type") { [Manager.new.type, Director.new.type, Member.new.type, Manager.unscoped.new.type] }
run("as.sti.new_descendant") { Manager.new(type: "Director").type }
run("as.sti.new_nil_type") { Manager.new(type: nil).type }
run("as.sti.new_other") { Manager.new(type: "Member") }
run("as.sti.new_scoped_other") { Manager.where(type: "Member").new }
run("as.sti.create") { r = Manager.create!(id: "m9", name: "New"); [r.type, Manager.order(:id).pluck(:id)] }
run("as.sti.create_other") { Director.create(id: "m9", name: "x", type: "Manager") }
run("as.sti.find_or_create") { r = Manager.find_or_create_by!(name: "Mia") { |m| m.id = "m9" }; [r.id, r.type, Member.where(name: "Mia").count] }
run("as.sti.update_all") { [Manager.update_all(active: true), Member.order(:id).pluck(:id, :active)] }
run("as.sti.delete_all") { [Director.delete_all, Member.order(:id).pluck(:id)] }
run("as.sti.destroy_other") { Manager.destroy("m1") }
run("as.sti.upsert") { Director.upsert({ id: "m9", name: "Up" }); Member.find("m9").type }
run("as.sti.reader") { ClientSTI.find("c1").managers.order(:id).pluck(:id) }
run("as.sti.includes") { ClientSTI.includes(:managers).order(:id).map { |c| [c.id, c.managers.map(&:id).sort] } }
run("as.sti.joins") { ClientSTI.joins(:managers).distinct.order(:id).pluck(:id) }
run("as.sti.joined_where") { ClientSTI.joins(:managers).where(managers: { name: "Mia" }).pluck(:id) }
run("as.sti.missing") { ClientSTI.where.missing(:managers).order(:id).pluck(:id) }
run("as.sti.builder") { m = ClientSTI.find("c1").managers.new(name: "x"); [m.type, m.client_id] }

# ---------------- counter_cache (clients.jobs_count; the config's counterCaches: docs/records.md)
run("as.cc.create") { CountedJob.create!(id: "j9", title: "x", client_id: "c3"); Client.find("c3").jobs_count }
run("as.cc.destroy") { CountedJob.find("j1").destroy; Client.find("c1").jobs_count }
run("as.cc.move") { CountedJob.find("j1").update!(client_id: "c3"); Client.order(:id).pluck(:jobs_count) }
run("as.cc.delete") { CountedJob.find("j1").delete; CountedJob.find("j2").update_columns(client_id: "c3"); Client.order(:id).pluck(:jobs_count) }
# A has_many of CountedJobs (ClientCC*: models.rb): the clients' counts, the owners' (CountedJob's other counter cache)
# and the jobs' client keys after its collection writes.
def cc_state = [Client.order(:id).pluck(:jobs_count), Owner.order(:id).pluck(:jobs_count), Job.order(:id).pluck(:id, :client_id)]
def cc_delete(model)
  c = model.find("c1")
  [c.jobs.delete(CountedJob.find("j1")).map(&:id), c.jobs.delete(CountedJob.find("j3")).map(&:id), c.jobs.delete("j2").map(&:id), cc_state]
end
run("as.cc.hm_delete") { cc_delete(ClientCC) }
run("as.cc.hm_delete_delete_all") { cc_delete(ClientCCDA) }
run("as.cc.hm_delete_destroy") { cc_delete(ClientCCD) }
run("as.cc.hm_delete_all") { [ClientCC.find("c1").jobs.delete_all, cc_state] }
run("as.cc.hm_delete_all_delete_all") { [ClientCCDA.find("c1").jobs.delete_all, cc_state] }
run("as.cc.hm_delete_all_destroy") { [ClientCCD.find("c1").jobs.delete_all, cc_state] }
run("as.cc.hm_clear") { ClientCC.find("c1").jobs.clear; cc_state }
run("as.cc.hm_clear_destroy") { ClientCCD.find("c1").jobs.clear; cc_state }
run("as.cc.hm_destroy") { c = ClientCC.find("c1"); [c.jobs.destroy(CountedJob.find("j1")).map(&:id), c.jobs.destroy(CountedJob.find("j3")).map(&:id), cc_state] }
run("as.cc.hm_destroy_all") { [ClientCC.find("c1").jobs.destroy_all.map(&:id), cc_state] }
run("as.cc.hm_other_name") { c = ClientCCO.find("c1"); c.counted_jobs.delete(CountedJob.find("j1")); [c.counted_jobs.delete_all, cc_state] }
run("as.cc.hm_where_delete_all") { [ClientCC.find("c1").jobs.where(title: "Paint").delete_all, cc_state] }

# ---------------- model scopes through an association
run("as.scope.on_has_many") { [Client.find("c1").jobs.active.count, Client.find("c1").jobs.active.map(&:id)] }
run("as.scope.chain") { Client.find("c1").jobs.by_priority.pluck(:id) }
run("as.scope.on_tasks") { Job.find("j1").tasks.done.pluck(:id) }
run("as.scope.on_through") { Client.find("c1").tasks.pending.order(:id).pluck(:id) }
run("as.scope.where_then_scope") { Client.find("c1").jobs.where(priority: 1..2).active.pluck(:id) }

# ---------------- destroy results
run("as.destroy.job") { r = Job.find("j2").destroy; [r.destroyed?, r.frozen?, Job.exists?("j2"), Task.where(job_id: "j2").count] }
run("as.destroy.job_invalid") { Job.where(id: "j2").update_all(title: ""); r = Job.find("j2"); [r.valid?, r.destroy.destroyed?, Job.exists?("j2")] }
run("as.destroy.class_destroy") { r = Job.destroy("j3"); [r.destroyed?, Task.where(job_id: "j3").count, Tagging.where(job_id: "j3").count] }

puts JSON.generate(OUT)
