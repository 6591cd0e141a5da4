# frozen_string_literal: true

require "active_record"
require "json"
require_relative "autoload"
require_relative "describer"

module ZeroRecord
  # Describes an app's models with Active Record alone (no Rails boot): loads db/schema.rb into a
  # throwaway SQLite database, requires app/models/**/*.rb (a constant a file needs before its own file
  # is required is found as Rails' autoloader finds it: ZeroRecord::Autoload), and runs the Describer.
  module Standalone
    module_function

    def describe(root)
      load_app(root)
      Describer.describe(root: File.expand_path(root))
    end

    # Connects to an in-memory SQLite database, loads the schema, and requires the models.
    def load_app(root)
      root = File.expand_path(root)
      ActiveRecord::Base.establish_connection(adapter: "sqlite3", database: ":memory:")
      ActiveRecord::Migration.verbose = false
      # As in a Rails 5+ app (load_defaults): a belongs_to is required unless optional.
      ActiveRecord::Base.belongs_to_required_by_default = true
      load File.join(root, "db", "schema.rb")
      Autoload.install(root)
      Dir[File.join(root, "app", "models", "**", "*.rb")].sort.each { |file| require file }
    end
  end
end
