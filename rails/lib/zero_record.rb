# frozen_string_literal: true

require_relative "zero_record/version"
require_relative "zero_record/configuration"
require_relative "zero_record/describer"
require_relative "zero_record/generate"
require_relative "zero_record/railtie" if defined?(Rails::Railtie)
# The push endpoint's engine, so `mount ZeroRecord::Push::Engine` works with the gem alone; Rack apps require "zero_record/push".
require_relative "zero_record/push" if defined?(Rails::Engine)
