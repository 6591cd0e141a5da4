# Describes enums whose options the Ruby describer must read off the methods Rails defined: a label named like the
# prefix (`status_status?`), labels that are not method names, no scopes, and a model whose after_initialize raises for
# one label. Prints the descriptions as JSON.
require "json"
require "active_record"
require "zero_record/describer"

ActiveRecord::Base.establish_connection(adapter: "sqlite3", database: ":memory:")
ActiveRecord::Schema.verbose = false
ActiveRecord::Schema.define { create_table(:tickets) { |t| t.integer :status; t.string :kind; t.integer :level } }

class Ticket < ActiveRecord::Base
  enum status: { status: 0, draft: 1 }, _prefix: true
  enum kind: { "on hold" => "h", "w/ x" => "w" }, _suffix: :kind, _scopes: false
  enum level: { low: 0, high: 1 }
  after_initialize { raise "not without a kind" if level == "high" && kind.nil? }
end

puts JSON.generate(%w[status kind level].map { |name| ZeroRecord::Describer.describe_enum(Ticket, name, Ticket.defined_enums[name]) })
