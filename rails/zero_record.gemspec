# frozen_string_literal: true

require_relative "lib/zero_record/version"

Gem::Specification.new do |spec|
  spec.name = "zero_record"
  spec.version = ZeroRecord::VERSION
  spec.summary = "Describes Active Record models for the zero-record TypeScript generator, and serves Zero's push endpoint"
  spec.description = "Rails generator and rake tasks (zero_record:generate) that describe Active Record models as JSON " \
                     "and run the zero-record TypeScript generator; regenerates after migrations. ZeroRecord::Push " \
                     "(a Rack app and a Rails engine) runs the generated Zero mutators as Active Record."
  spec.license = "MIT"
  spec.authors = ["zero-record"]
  spec.files = Dir["lib/**/*.{rb,rake}", "exe/*"]
  spec.bindir = "exe"
  spec.executables = ["zero-record-describe"]
  spec.required_ruby_version = ">= 2.7"
  spec.add_dependency "activerecord", ">= 6.1"
  spec.add_dependency "rack", ">= 2.0"
end
