# frozen_string_literal: true

require "rails/engine"
require_relative "app"

module ZeroRecord
  module Push
    # The push endpoint in a Rails app, in config/routes.rb:
    #   mount ZeroRecord::Push::Engine => "/zero/push"
    # and zero-cache's ZERO_MUTATE_URL=https://<app host>/zero/push. Settings: ZeroRecord::Push.configure.
    class Engine < ::Rails::Engine
      engine_name "zero_record_push"
      # An engine loads its root's lib/tasks; the gem's rake tasks are ZeroRecord::Railtie's, loaded once there.
      paths["lib/tasks"] = []
      endpoint App.new
    end
  end
end
