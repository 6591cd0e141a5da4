# frozen_string_literal: true

require "rails"
require "active_record/railtie"
require "zero_record" # Gemfile: gem "zero_record" (the repo's rails/ directory)

module FixtureApp
  class Application < Rails::Application
    config.load_defaults 6.1
    config.root = File.expand_path("..", __dir__)
    config.eager_load = false
    config.logger = Logger.new(nil)
  end
end
