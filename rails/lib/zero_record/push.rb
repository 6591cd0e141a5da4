# frozen_string_literal: true

# Zero's push endpoint for the generated mutators, run as Active Record (docs/rails-push.md).
require_relative "push/configuration"
require_relative "push/errors"
require_relative "push/mutator_names"
require_relative "push/app"
require_relative "push/engine" if defined?(Rails::Engine)
