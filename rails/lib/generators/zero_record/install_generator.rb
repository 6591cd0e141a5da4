# frozen_string_literal: true

require "rails/generators"

module ZeroRecord
  module Generators
    # `bin/rails g zero_record:install`: makes Rails the write authority of the Zero app. Mounts the push endpoint
    # (ZeroRecord::Push::Engine), writes its initializer (authentication and write policies) and the zero-cache
    # settings that point ZERO_MUTATE_URL at it (docs/rails-push.md).
    class InstallGenerator < Rails::Generators::Base
      source_root File.expand_path("templates", __dir__)
      desc "Mount Zero's push endpoint (zero_record) in this Rails app and write the zero-cache settings"
      class_option :mount_path, type: :string, default: "/zero/push", desc: "Where the push endpoint is mounted"
      class_option :app_url, type: :string, default: "http://localhost:3000", desc: "This app's URL as zero-cache reaches it"
      class_option :query_url, type: :string, default: "http://localhost:4850/query", desc: "The query endpoint (npx zero-record serve)"

      def mount_engine
        line = %(mount ZeroRecord::Push::Engine => #{options[:mount_path].inspect})
        routes = File.join(destination_root, "config", "routes.rb")
        if File.exist?(routes)
          route line unless File.read(routes).include?("ZeroRecord::Push::Engine")
        else
          create_file "config/routes.rb", "Rails.application.routes.draw do\n  #{line}\nend\n"
        end
      end

      def write_initializer
        template "zero_record_push.rb.tt", "config/initializers/zero_record_push.rb"
      end

      def write_zero_cache_settings
        template "zero-cache.env.tt", "config/zero-cache.env"
      end

      private

      def mutate_url
        "#{options[:app_url].chomp('/')}#{options[:mount_path]}"
      end
    end
  end
end
