# frozen_string_literal: true

require_relative "../zero_record/generate"
require_relative "../zero_record/hooks"

namespace :zero_record do
  desc "Describe the Active Record models as JSON and generate the TypeScript models (zero-record)"
  task generate: :environment do
    Rails.application.eager_load! if defined?(Rails.application) && Rails.application
    ZeroRecord::Generate.call(defined?(Rails.root) && Rails.root ? Rails.root : Dir.pwd)
  end

  desc "Write the model description JSON only (no TypeScript generation)"
  task describe: :environment do
    Rails.application.eager_load! if defined?(Rails.application) && Rails.application
    ZeroRecord::Generate.call(defined?(Rails.root) && Rails.root ? Rails.root : Dir.pwd, run_command: false)
  end
end

ZeroRecord::Hooks.install
