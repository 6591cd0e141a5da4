# frozen_string_literal: true

require_relative "configurable"

module ZeroRecord
  # Settings for the Rails side. Set them in config/initializers/zero_record.rb:
  #   ZeroRecord.configure { |c| c.generate_command = %w[npx zero-record generate --json %{json}] }
  class Configuration
    # Where the model description JSON is written, relative to the app root.
    attr_accessor :description_path
    # The command that turns the JSON into TypeScript (argv array; %{json} is the description path).
    # nil: only write the JSON. The output directory and imports come from zero-record.config.json.
    attr_accessor :generate_command
    # Environments in which db:migrate, db:rollback & co. regenerate after they finish.
    attr_accessor :regenerate_after_migrations_in
    # Development only: regenerate when db/schema.rb or app/models change (through Rails' file watcher).
    attr_accessor :watch

    def initialize
      @description_path = "tmp/zero_record/models.json"
      @generate_command = %w[npx zero-record generate --json %{json}]
      @regenerate_after_migrations_in = %w[development]
      @watch = false
    end
  end

  extend Configurable
end
