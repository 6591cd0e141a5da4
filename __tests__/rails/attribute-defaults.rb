# Describes the columns of a model that sets defaults of its own: an enum's `_default:` (a label, and a label of an
# integer enum, written as the stored value), `attribute :name, default:`, a block default, and a column default left
# alone. Prints the column descriptions as JSON.
require "json"
require "securerandom"
require "active_record"
require "zero_record/describer"

ActiveRecord::Base.establish_connection(adapter: "sqlite3", database: ":memory:")
ActiveRecord::Schema.verbose = false
ActiveRecord::Schema.define do
  create_table(:tickets, id: :string) do |t|
    t.string :status, default: "open"
    t.integer :level, default: 0
    t.string :nick
    t.string :token
    t.string :note, default: "none"
  end
end

class Ticket < ActiveRecord::Base
  enum status: { open: "open", closed: "closed" }, _default: "closed"
  enum level: { low: 0, high: 1 }, _default: :high
  attribute :nick, :string, default: "anon"
  attribute :token, :string, default: -> { SecureRandom.hex(4) }
end

puts JSON.generate(Ticket.columns.map { |column| ZeroRecord::Describer.describe_column(Ticket, column) })
