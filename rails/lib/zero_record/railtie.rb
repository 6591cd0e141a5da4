# frozen_string_literal: true

require "rails/railtie"
require_relative "generate"

module ZeroRecord
  # Loads the rake tasks (and their migration hooks) and, when `watch` is on in development,
  # regenerates on change of db/schema.rb or app/models through Rails' own file watcher.
  class Railtie < Rails::Railtie
    rake_tasks do
      load File.expand_path("../tasks/zero_record.rake", __dir__)
    end

    config.after_initialize do |app|
      next unless ZeroRecord.config.watch && Rails.env.development?

      watcher = app.config.file_watcher.new([Rails.root.join("db/schema.rb").to_s], { Rails.root.join("app/models").to_s => ["rb"] }) do
        app.eager_load!
        ZeroRecord::Generate.call(Rails.root)
      rescue StandardError => e
        Rails.logger.warn("zero_record: regeneration failed: #{e.message}")
      end
      app.reloader.to_prepare { watcher.execute_if_updated }
    end
  end
end
