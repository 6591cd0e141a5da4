# frozen_string_literal: true

# The Rails side of the join scopes test: loads the app as the Ruby describer does (its schema in SQLite, its models),
# inserts the rows, runs each case's Job scope and prints the ids it answers, sorted, each once.
# Input on stdin, JSON: { "app": dir, "rows": { class_name: [row] }, "cases": [{ scope, args, railsJoin? }] }.
require "json"
require_relative "../../rails/lib/zero_record/standalone"

input = JSON.parse($stdin.read)
ZeroRecord::Standalone.load_app(input.fetch("app"))

# where.associated came in Rails 7 (Active Record 6.1 has where.missing only): Rails' own definition, less its left_joins
# case (an INNER JOIN, then the associated key IS NOT NULL).
ActiveRecord::QueryMethods::WhereChain.class_eval do
  def associated(*associations)
    associations.each do |association|
      reflection = @scope.klass._reflect_on_association(association)
      @scope.joins!(association)
      self.not((reflection.options[:class_name] ? association : reflection.table_name) => { reflection.association_primary_key => nil })
    end
    @scope
  end
end

input.fetch("rows").each { |class_name, rows| Object.const_get(class_name).insert_all!(rows) }
answers = input.fetch("cases").map do |c|
  relation = c["railsJoin"] ? Job.joins(c["railsJoin"].to_sym) : Job.all
  relation.public_send(c.fetch("scope"), *c.fetch("args")).map(&:id).uniq.sort
end
$stdout.write(JSON.generate(answers))
