# frozen_string_literal: true

require "fileutils"
require "json"
require_relative "configuration"
require_relative "describer"

module ZeroRecord
  # The one entry point the rake task, the Rails generator, the migration hooks and the watcher call:
  # describe the loaded models, write the JSON (only when it changed), then run the TypeScript generator.
  module Generate
    class CommandFailed < StandardError; end

    module_function

    # @return [Boolean] whether the description changed
    def call(root, models: ActiveRecord::Base.descendants, run_command: true, io: $stdout)
      root = File.expand_path(root.to_s)
      models.each { |model| model.reset_column_information unless model.abstract_class? }
      json = JSON.pretty_generate(Describer.describe(root: root, models: models)) + "\n"
      path = File.expand_path(ZeroRecord.config.description_path, root)
      changed = !File.exist?(path) || File.read(path) != json
      if changed
        FileUtils.mkdir_p(File.dirname(path))
        File.write(path, json)
      end
      io.puts "zero_record: #{changed ? 'wrote' : 'unchanged'} #{ZeroRecord.config.description_path}"
      run(root, path, io) if run_command && ZeroRecord.config.generate_command
      changed
    end

    def run(root, path, io)
      argv = ZeroRecord.config.generate_command.map { |part| format(part, json: path) }
      io.puts "zero_record: #{argv.join(' ')}"
      return if system(*argv, chdir: root)

      raise CommandFailed, "zero_record: `#{argv.join(' ')}` failed (exit #{$?&.exitstatus}); run it by hand to see why"
    end
  end
end
