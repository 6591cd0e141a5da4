# frozen_string_literal: true

# The Rails side of the single-table inheritance test: loads the app as the Ruby describer does (its schema in SQLite,
# its models), inserts the rows, runs each case in order and prints what it answers (see __tests__/generator/sti-app.ts).
# Input on stdin, JSON: { "app": dir, "rows": { class_name: [row] }, "cases": [case] }.
require "json"
require_relative "../../rails/lib/zero_record/standalone"

input = JSON.parse($stdin.read)
ZeroRecord::Standalone.load_app(input.fetch("app"))

input.fetch("rows").each { |class_name, rows| Object.const_get(class_name).insert_all!(rows) }
ids = ->(records) { Array(records).map(&:id).sort }
answers = input.fetch("cases").map do |c|
  model = Object.const_get(c.fetch("model"))
  if c.key?("create")
    model.create!(c.fetch("create")).type
  elsif c.key?("find")
    begin
      record = model.find(c.fetch("find"))
      c.key?("association") ? ids.call(record.public_send(c.fetch("association"))) : [record.id]
    rescue ActiveRecord::RecordNotFound
      "not found"
    end
  else
    ids.call(c.fetch("chain").reduce(model) { |relation, (method, *args)| relation.public_send(method, *args) }.all)
  end
end
$stdout.write(JSON.generate(answers))
