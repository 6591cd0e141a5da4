# frozen_string_literal: true

require_relative "zero_record/version"
require_relative "zero_record/configuration"
require_relative "zero_record/describer"
require_relative "zero_record/generate"
require_relative "zero_record/railtie" if defined?(Rails::Railtie)
