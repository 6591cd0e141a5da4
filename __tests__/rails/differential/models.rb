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

  # Associations (scenarios "as.*"): clients -< jobs -< tasks, clients -- profiles, jobs >-< tags through taggings,
  # jobs -< notes (a required belongs_to on a NOT NULL key), owners -< gadgets (belongs_to touch: true); CountedJob counts
  # its jobs in clients.jobs_count and owners.jobs_count (owners -< jobs).
  create_table :clients, id: :string do |t|
    t.string :name, null: false
    t.integer :jobs_count, default: 0 # CountedJob's counter_cache
  end
  create_table :jobs, id: :string do |t|
    t.string :title, null: false
    t.string :status
    t.integer :priority
    t.string :client_id
    t.string :owner_id # CountedJob's second counter cache
  end
  create_table :tasks, id: :string do |t|
    t.string :title, null: false
    t.string :job_id # NULL allowed, so dependent: :nullify can run; the belongs_to still requires it
    t.integer :position
    t.boolean :done
  end
  create_table :profiles, id: :string do |t|
    t.string :bio
    t.string :client_id
  end
  create_table :tags, id: :string do |t|
    t.string :name, null: false
  end
  create_table :taggings, id: :string do |t|
    t.string :job_id
    t.string :tag_id
  end
  create_table :notes, id: :string do |t|
    t.string :body
    t.string :job_id, null: false
  end
  create_table :owners, id: :string do |t|
    t.string :name
    t.datetime :updated_at
    t.integer :jobs_count, default: 0 # CountedJob's second counter cache
  end
  create_table :gadgets, id: :string do |t|
    t.string :name
    t.string :owner_id
  end
  # Single-table inheritance (scenarios "as.sti.*"): Member, Manager < Member, Director < Manager.
  create_table :members, id: :string do |t|
    t.string :type
    t.string :name
    t.string :client_id
    t.boolean :active
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

# ---------------- associations
# A Rails 5+ app (load_defaults >= 5.0): a belongs_to without optional: true is required ("must exist").
ActiveRecord::Base.belongs_to_required_by_default = true

class Client < ActiveRecord::Base
  has_many :jobs
  has_one :profile
  has_many :tasks, through: :jobs
  scope :alphabetical, -> { order(:name) }
end

class Job < ActiveRecord::Base
  belongs_to :client, optional: true
  has_many :tasks, dependent: :destroy
  has_many :taggings, dependent: :delete_all
  has_many :tags, through: :taggings
  has_many :notes
  scope :active, -> { where(status: "active") }
  scope :by_priority, -> { order(:priority) }
  validates :title, presence: true
end

class Task < ActiveRecord::Base
  belongs_to :job
  has_one :client, through: :job
  scope :done, -> { where(done: true) }
  scope :pending, -> { where(done: false) }
  validates :title, presence: true
end

class Profile < ActiveRecord::Base
  belongs_to :client
end

class Tag < ActiveRecord::Base
  has_many :taggings
  has_many :jobs, through: :taggings
end

class Tagging < ActiveRecord::Base
  belongs_to :job
  belongs_to :tag
  before_create { self.id ||= "tg-#{job_id}-#{tag_id}" } # the join row a has_many :through builds has no key of its own
end

class Note < ActiveRecord::Base
  belongs_to :job
end

class Owner < ActiveRecord::Base
  has_many :gadgets
end

class Gadget < ActiveRecord::Base
  belongs_to :owner, touch: true, optional: true
end

# Jobs with Rails' counter_cache on clients.jobs_count and owners.jobs_count (the config's counterCaches:
# docs/records.md).
class CountedJob < ActiveRecord::Base
  self.table_name = "jobs"
  belongs_to :client, counter_cache: :jobs_count, optional: true
  belongs_to :owner, counter_cache: :jobs_count, optional: true
end

# Clients with a soft delete (default_scope hides Initech), and jobs joined to them (the config's defaultScope:
# docs/relations.md).
class ClientDS < ActiveRecord::Base
  self.table_name = "clients"
  default_scope { where.not(name: "Initech") }
end

class JobDS < ActiveRecord::Base
  self.table_name = "jobs"
  belongs_to :client, class_name: "ClientDS", optional: true
end

# Members by single-table inheritance (the config's inheritance: docs/relations.md): Member is the base class (every
# row), Manager reads managers and directors, Director directors; clients have members and managers.
class Member < ActiveRecord::Base
  belongs_to :client, optional: true
  scope :active, -> { where(active: true) }
end

class Manager < Member; end

class Director < Manager; end

class ClientSTI < ActiveRecord::Base
  self.table_name = "clients"
  has_many :members, foreign_key: :client_id
  has_many :managers, foreign_key: :client_id
end

# One client model per dependent: option, all on `clients`; named by a constant, as messages use the class name.
def client_model(name, &block)
  Object.const_set(name, Class.new(ActiveRecord::Base) { self.table_name = "clients" }).class_eval(&block)
end

client_model("ClientD") { has_many :jobs, dependent: :destroy, foreign_key: :client_id }
client_model("ClientDA") { has_many :jobs, dependent: :delete_all, foreign_key: :client_id }
client_model("ClientN") { has_many :jobs, dependent: :nullify, foreign_key: :client_id }
client_model("ClientRE") { has_many :jobs, dependent: :restrict_with_error, foreign_key: :client_id }
client_model("ClientRX") { has_many :jobs, dependent: :restrict_with_exception, foreign_key: :client_id }
client_model("ClientPD") { has_one :profile, dependent: :destroy, foreign_key: :client_id }
client_model("ClientPN") { has_one :profile, dependent: :nullify, foreign_key: :client_id }
client_model("ClientPR") { has_one :profile, dependent: :restrict_with_error, foreign_key: :client_id }
# has_many CountedJobs: Rails counts them by the has_many's <name>_count, clients.jobs_count for `jobs`, none for `counted_jobs`.
client_model("ClientCC") { has_many :jobs, class_name: "CountedJob", foreign_key: :client_id }
client_model("ClientCCDA") { has_many :jobs, class_name: "CountedJob", foreign_key: :client_id, dependent: :delete_all }
client_model("ClientCCD") { has_many :jobs, class_name: "CountedJob", foreign_key: :client_id, dependent: :destroy }
client_model("ClientCCO") { has_many :counted_jobs, class_name: "CountedJob", foreign_key: :client_id }

OLD = Time.utc(2000, 1, 1) # owners.updated_at before each scenario: a touch makes it later

CLIENTS = [
  { id: "c1", name: "Acme", jobs_count: 2 },
  { id: "c2", name: "Globex", jobs_count: 1 },
  { id: "c3", name: "Initech", jobs_count: 0 },
].freeze
JOBS = [
  { id: "j1", title: "Paint", status: "active", priority: 2, client_id: "c1", owner_id: "o1" },
  { id: "j2", title: "Wire", status: "done", priority: 1, client_id: "c1", owner_id: "o1" },
  { id: "j3", title: "Tile", status: "active", priority: 3, client_id: "c2", owner_id: "o1" },
  { id: "j4", title: "Roof", status: "draft", priority: nil, client_id: nil, owner_id: nil },
].freeze
TASKS = [
  { id: "t1", title: "Primer", job_id: "j1", position: 1, done: false },
  { id: "t2", title: "Coat", job_id: "j1", position: 2, done: true },
  { id: "t3", title: "Cable", job_id: "j2", position: 1, done: false },
  { id: "t4", title: "Grout", job_id: "j3", position: 1, done: true },
  { id: "t5", title: "Shingle", job_id: "j4", position: 1, done: false },
].freeze
PROFILES = [{ id: "pr1", bio: "Big", client_id: "c1" }, { id: "pr2", bio: "Mid", client_id: "c2" }].freeze
TAGS = [{ id: "g1", name: "urgent" }, { id: "g2", name: "outdoor" }, { id: "g3", name: "unused" }].freeze
TAGGINGS = [{ id: "tg1", job_id: "j1", tag_id: "g1" }, { id: "tg2", job_id: "j1", tag_id: "g2" }, { id: "tg3", job_id: "j3", tag_id: "g2" }].freeze
NOTES = [{ id: "n1", body: "hi", job_id: "j1" }].freeze
OWNERS = [{ id: "o1", name: "Ada", jobs_count: 3 }, { id: "o2", name: "Bob", jobs_count: 0 }].freeze
GADGETS = [{ id: "gd1", name: "Lamp", owner_id: "o1" }].freeze
MEMBERS = [
  { id: "m1", type: nil, name: "Mia", client_id: "c1", active: true },
  { id: "m2", type: "Manager", name: "Max", client_id: "c1", active: true },
  { id: "m3", type: "Director", name: "Dee", client_id: "c2", active: true },
  { id: "m4", type: "Manager", name: "Mo", client_id: "c2", active: false },
  { id: "m5", type: nil, name: "Nia", client_id: "c3", active: false },
].freeze

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
  [Member, Gadget, Owner, Note, Tagging, Tag, Profile, Task, Job, Client].each(&:delete_all)
  [[Client, CLIENTS], [Job, JOBS], [Task, TASKS], [Profile, PROFILES], [Tag, TAGS], [Tagging, TAGGINGS], [Note, NOTES], [Owner, OWNERS], [Gadget, GADGETS], [Member, MEMBERS]].each do |model, rows|
    rows.each { |h| model.create!(h) }
  end
  Owner.update_all(updated_at: OLD)
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

# Whether a touch: reached owner `id` (its updated_at moved past OLD).
def fresh(id) = Owner.find(id).updated_at > OLD

# Rails 7.0's where.associated; 6.1's WhereChain has none (raised here without the relation's inspect and address).
def where_associated(model, *associations)
  chain = model.where
  raise NoMethodError, "undefined method `associated' for ActiveRecord::QueryMethods::WhereChain" unless chain.respond_to?(:associated)

  chain.associated(*associations)
end

# The class of what the block raises ("no error" when none): for errors whose message carries object ids.
def raised_class
  yield
  "no error"
rescue => e
  e.class.name
end

def v(klass, attrs)
  r = klass.new(attrs)
  ok = r.valid?
  { "valid" => ok, "invalid" => r.invalid?, "errors" => errs(r) }
end
