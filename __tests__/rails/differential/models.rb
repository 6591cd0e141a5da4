# frozen_string_literal: true

# The differential test's Ruby side: ActiveRecord 6.1 over in-memory SQLite. The schema, models and seed rows here are
# the ones models.ts gives zero-record; scenarios.rb runs the scenarios and prints their outputs as one JSON object.
require "active_record"
require "sqlite3"
require "json"
require "bigdecimal"

ActiveRecord::Base.establish_connection(adapter: "sqlite3", database: ":memory:")
ActiveRecord::Migration.verbose = false
ActiveRecord::Schema.define do
  create_table :items, id: :string do |t|
    t.string :name, null: false
    t.float :price
    t.integer :qty
    t.string :category
    t.string :code
    t.boolean :active
    t.integer :position
  end
  create_table :people, id: :string do |t|
    t.string :name
    t.string :first_name
    t.string :email
    t.integer :age
    t.float :score
    t.string :role
    t.string :code
    t.string :client_id
    t.boolean :flag
  end
  create_table :posts, id: :string do |t|
    t.string :title
    t.string :status
    t.integer :kind
  end
end

class Item < ActiveRecord::Base; end

class Post < ActiveRecord::Base
  enum status: { draft: "draft", published: "published", archived: "archived" }
  enum kind: { short: 0, long: 1 }, _prefix: :kind
end

class PostS < ActiveRecord::Base
  self.table_name = "posts"
  enum status: { draft: "draft", published: "published" }, _suffix: true
end

# One model per validation setup, all on `people`; named by a constant, as ActiveModel's messages use the class name.
def person_model(name, &block)
  Object.const_set(name, Class.new(ActiveRecord::Base) { self.table_name = "people" }).class_eval(&block)
end

person_model("VPresence") { validates :name, presence: true }
person_model("VLength") { validates :name, length: { minimum: 3, maximum: 10 } }
person_model("VLenIs") { validates :code, length: { is: 4 } }
person_model("VLenMax1") { validates :code, length: { maximum: 1 } }
person_model("VLenMsg") { validates :name, length: { maximum: 3, message: "max %{count} chars, got %{value}" } }
person_model("VAttrMsg") { validates :name, presence: { message: "%{attribute} needed for %{model}" } }
person_model("VNum") { validates :age, numericality: true }
person_model("VNumNil") { validates :age, numericality: { allow_nil: true } }
person_model("VInt") { validates :age, numericality: { only_integer: true } }
person_model("VRange") { validates :age, numericality: { greater_than: 0, less_than_or_equal_to: 100 } }
person_model("VOdd") { validates :age, numericality: { odd: true } }
person_model("VEven") { validates :age, numericality: { even: true } }
person_model("VEq") { validates :age, numericality: { equal_to: 5 } }
person_model("VOther") { validates :age, numericality: { other_than: 5 } }
person_model("VFloatBound") { validates :score, numericality: { greater_than: 1.5 } }
person_model("VNumMsg") { validates :age, numericality: { greater_than: 0, message: "must be positive" } }
person_model("VGte") { validates :score, numericality: { greater_than_or_equal_to: 2, less_than: 10 } }
person_model("VIncl") { validates :role, inclusion: { in: %w[admin user] } }
person_model("VInclNil") { validates :role, inclusion: { in: %w[admin user] }, allow_nil: true }
person_model("VExcl") { validates :role, exclusion: { in: %w[root admin] } }
person_model("VFormat") { validates :code, format: { with: /\A[a-z]+\z/ } }
person_model("VFormatWithout") { validates :code, format: { without: /\d/ } }
person_model("VAbsence") { validates :name, absence: true }
person_model("VBlank") { validates :name, length: { minimum: 3 }, allow_blank: true }
person_model("VNilOnly") { validates :name, length: { minimum: 3 }, allow_nil: true }
person_model("VMulti") do
  validates :name, presence: true, length: { minimum: 3 }
  validates :age, numericality: { only_integer: true, greater_than: 17 }
end
person_model("VHuman") do
  validates :first_name, presence: true
  validates :client_id, presence: true
end
person_model("VFlag") { validates :flag, presence: true }
person_model("VFlagIncl") { validates :flag, inclusion: { in: [true, false] } }
person_model("VAgePresence") { validates :age, presence: true }
person_model("VInclInt") { validates :age, inclusion: { in: [1, 2] } }
person_model("VLenNum") { validates :age, length: { maximum: 2 } }
person_model("VScoreInt") { validates :score, numericality: { only_integer: true } }

ITEMS = [
  { id: "i1", name: "Apple", price: 1.5, qty: 10, category: "fruit", code: "A1", active: true, position: 3 },
  { id: "i2", name: "banana", price: 0.5, qty: 20, category: "fruit", code: nil, active: false, position: 1 },
  { id: "i3", name: "Carrot", price: 2.0, qty: nil, category: "veg", code: "C3", active: true, position: 2 },
  { id: "i4", name: "Donut", price: nil, qty: 5, category: nil, code: "D4", active: nil, position: 5 },
  { id: "i5", name: "Eggs", price: 3.0, qty: 12, category: "dairy", code: "E5", active: true, position: 4 },
  { id: "i6", name: "Fig", price: 4.0, qty: 1, category: "fruit", code: "F6", active: false, position: 6 },
].freeze
POSTS = [
  { id: "p1", title: "One", status: "draft", kind: 0 },
  { id: "p2", title: "Two", status: "published", kind: 1 },
  { id: "p3", title: "Three", status: nil, kind: nil },
  { id: "p4", title: "Four", status: "archived", kind: 1 },
].freeze

def reset
  Item.delete_all
  Post.delete_all
  VPresence.delete_all # every person model shares the table
  ITEMS.each { |h| Item.create!(h) }
  POSTS.each { |h| Post.create!(h) }
end

OUT = {}

# Runs one scenario on fresh rows: { "value" => its normalised result } or { "raised" => { "class", "message" } }.
def run(name)
  raise "scenario #{name} defined twice" if OUT.key?(name)

  reset
  OUT[name] = begin
    { "value" => norm(yield) }
  rescue => e
    { "raised" => { "class" => e.class.name, "message" => e.message } }
  end
end

# Plain JSON data, as scenarios.ts makes of the TypeScript results: records as their attributes, symbols as strings.
def norm(v)
  case v
  when BigDecimal then v.to_f
  when Float then v.finite? ? v : v.to_s # JSON has no NaN / Infinity
  when ActiveRecord::Base then norm(v.attributes)
  when ActiveRecord::Relation then v.to_a.map { |r| norm(r) }
  when Hash then v.to_h { |k, x| [k.to_s, norm(x)] }
  when Array then v.map { |x| norm(x) }
  when Symbol then v.to_s
  else v
  end
end

def ids(rel) = rel.to_a.map(&:id)
def errs(r) = { "full" => r.errors.full_messages, "hash" => r.errors.to_hash.transform_keys(&:to_s) }

def v(klass, attrs)
  r = klass.new(attrs)
  ok = r.valid?
  { "valid" => ok, "invalid" => r.invalid?, "errors" => errs(r) }
end
