# frozen_string_literal: true

# Drives the real rake tasks with plain Rake + Active Record (no Rails): a migration task chain runs,
# and the description must be regenerated exactly once, after everything finished.
# Usage: ruby hooks.rb <rails-app-dir> <description.json> <runs-log> <task...>
require "rake"
require_relative "../../rails/lib/zero_record/standalone"
require_relative "../../rails/lib/zero_record/generate"

root, json, log, *tasks = ARGV
ZeroRecord.configure do |c|
  c.description_path = json
  c.generate_command = ["ruby", "-e", "File.open(ARGV[0], 'a') { |f| f.puts(ARGV[1]) }", log, "%{json}"]
end
ENV["RAILS_ENV"] = "development"

Rake.application.init("rake", [])
Rake::Task.define_task(:environment) { ZeroRecord::Standalone.load_app(root) }
Rake::Task.define_task("db:rollback") { File.open(log, "a") { |f| f.puts("rollback") } }
Rake::Task.define_task("db:migrate") do
  raise "migration failed" if ENV["FAIL_MIGRATION"]

  File.open(log, "a") { |f| f.puts("migrate") }
end
Rake::Task.define_task("db:migrate:redo" => ["db:rollback", "db:migrate"])
load File.expand_path("../../rails/lib/tasks/zero_record.rake", __dir__)
Dir.chdir(root) # the tasks take the app root from the working directory, as `rake` run in the app would
tasks.each { |t| Rake::Task[t].invoke }
