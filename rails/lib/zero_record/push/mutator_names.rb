# frozen_string_literal: true

module ZeroRecord
  module Push
    # The names of the mutators the push endpoint serves, by the convention the TypeScript side defines them:
    # the generator keys each model in `defineModelMutators({ <key>: config })` by `modelNames(...).key`
    # (generator/names.ts) and every model gets `create`, `update`, `destroy`, `upsert`
    # (runtime/core/model-mutators.ts). The Rails tier checks this module against both
    # (__tests__/rails-push/mutator-names.test.ts), so the two sides cannot drift apart.
    module MutatorNames
      OPERATIONS = %w[create update destroy upsert].freeze
      # Zero splits a mutator name into its registry path on '.' or '|' (zero-server/src/push-processor.js, separatorRe).
      SEPARATOR = /[.|]/.freeze

      module_function

      # `Admin::LineItem` -> `adminLineItem`, as generator/names.ts#modelNames (camelize of runtime/core/inflect.ts).
      def key(class_name)
        camel = class_name.gsub("::", "_").gsub(/\W+/, "_").split(/[_\s-]+/).reject(&:empty?).map { |part| part[0].upcase + part[1..] }.join
        type = camel.match?(/\A[A-Z]/) ? camel : "M#{camel}"
        type[0].downcase + type[1..]
      end

      # { "job.create" => [Job, "create"], ... } for the given model classes.
      def table(models)
        models.each_with_object({}) do |model, names|
          OPERATIONS.each { |operation| names["#{key(model.name)}.#{operation}"] = [model, operation] }
        end
      end

      # The served [model, operation] of a pushed mutator name, or nil.
      def lookup(table, name)
        model_key, operation, *rest = name.to_s.split(SEPARATOR)
        return nil unless rest.empty? && model_key && operation

        table["#{model_key}.#{operation}"]
      end
    end
  end
end
