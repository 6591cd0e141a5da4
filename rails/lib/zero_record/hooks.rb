# frozen_string_literal: true

require_relative "configuration"

module ZeroRecord
  # Regeneration after schema-changing tasks, annotate-style: each enhanced task only schedules; the
  # generation runs once, when the whole rake invocation has finished (db:migrate:redo = rollback + migrate).
  module Hooks
    TASKS = %w[db:migrate db:rollback db:migrate:up db:migrate:down db:migrate:redo db:schema:load db:setup db:reset].freeze

    module_function

    # Appends a scheduling action to each task; Rake merges it with Active Record's definition
    # whichever is loaded first.
    def install(rake = Rake.application, generate_task: "zero_record:generate")
      TASKS.each do |name|
        rake.define_task(Rake::Task, name) { schedule(rake, generate_task) }
      end
    end

    def schedule(rake, generate_task)
      return if @scheduled || !enabled?

      @scheduled = true
      at_exit do
        # Not after a failed migration, and not twice.
        rake[generate_task].invoke if $!.nil? || ($!.is_a?(SystemExit) && $!.success?)
      end
    end

    def enabled?
      return false if ENV["ZERO_RECORD_SKIP"]

      env = ENV["RAILS_ENV"] || ENV["RACK_ENV"] || (defined?(Rails) ? Rails.env.to_s : "development")
      ZeroRecord.config.regenerate_after_migrations_in.map(&:to_s).include?(env)
    end

    def reset!
      @scheduled = false
    end
  end
end
