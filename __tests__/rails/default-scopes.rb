# frozen_string_literal: true

# The Rails side of the default scopes test: loads the app as the Ruby describer does (its schema in SQLite, its models),
# inserts the rows, runs each case's read and prints the ids it answers in its order, or "not found".
# Input on stdin, JSON: { "app": dir, "rows": { class_name: [row] }, "cases": [{ model, read, id? }] }.
require "json"
require_relative "../../rails/lib/zero_record/standalone"

input = JSON.parse($stdin.read)
ZeroRecord::Standalone.load_app(input.fetch("app"))

input.fetch("rows").each do |class_name, rows|
  model = Object.const_get(class_name)
  # Zero's datetimes are epoch milliseconds.
  rows = rows.map { |row| row.to_h { |k, v| [k, v.is_a?(Integer) && model.type_for_attribute(k).type == :datetime ? Time.at(v / 1000r).utc : v] } }
  # Unscoped: Rails writes a default scope's where values into the rows inserted through it.
  model.unscoped { model.insert_all!(rows) }
end
answers = input.fetch("cases").map do |c|
  model = Object.const_get(c.fetch("model"))
  case c.fetch("read")
  when "find"
    begin
      [model.find(c.fetch("id")).id]
    rescue ActiveRecord::RecordNotFound
      "not found"
    end
  else model.public_send(c.fetch("read")).map(&:id)
  end
end
$stdout.write(JSON.generate(answers))
