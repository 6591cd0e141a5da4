# frozen_string_literal: true

require "rails/generators"
require_relative "../../zero_record/generate"

module ZeroRecord
  module Generators
    # `bin/rails g zero_record:models`: same as `bin/rails zero_record:generate`.
    class ModelsGenerator < Rails::Generators::Base
      desc "Describe the Active Record models as JSON and generate the TypeScript models and Zero schema (zero-record)"
      class_option :json_only, type: :boolean, default: false, desc: "Write the description JSON only"

      def generate_models
        Rails.application.eager_load!
        ZeroRecord::Generate.call(Rails.root, run_command: !options[:json_only])
      end
    end
  end
end
