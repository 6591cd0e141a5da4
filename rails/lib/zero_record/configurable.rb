# frozen_string_literal: true

module ZeroRecord
  # `config` and `configure { |c| ... }` for a module that has a nested Configuration (ZeroRecord, ZeroRecord::Push).
  module Configurable
    def config
      @config ||= self::Configuration.new
    end

    def configure
      yield config
    end
  end
end
