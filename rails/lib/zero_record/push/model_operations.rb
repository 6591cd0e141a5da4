# frozen_string_literal: true

require "bigdecimal"
require_relative "errors"

module ZeroRecord
  module Push
    # Runs one generated mutator (runtime/core/model-mutators.ts) as Active Record, so the model's
    # validations, callbacks and write policy decide it: create -> new + save!, update -> find + assign +
    # save! (what update! does), destroy -> find_by + destroy! (a row already gone: nothing to do), upsert -> Model.upsert (no validations, as in Rails).
    module ModelOperations
      # What a write policy sees.
      Change = Struct.new(:operation, :model, :record, :values, keyword_init: true)
      # Zero's operation names, as the Node endpoint's write guard reports them (runtime/server/guarded-transaction.ts).
      POLICY_OPERATION = { "create" => "insert", "update" => "update", "destroy" => "delete", "upsert" => "upsert" }.freeze
      TIME_TYPES = %i[datetime timestamp].freeze

      module_function

      # The mutator's `{ values }` checked against the model's columns (the same checks the TypeScript
      # mutator makes), with Zero's millisecond timestamps as Times. Raises InvalidMutation.
      def values_of(model, operation, args)
        values = args.is_a?(Hash) ? args["values"] : nil
        raise InvalidMutation, "#{model.name} #{operation} failed: expected { values: { column: value } }, got #{args.to_json}" unless values.is_a?(Hash)

        columns = model.columns_hash
        values.each_with_object({}) do |(column, value), out|
          unless columns.key?(column)
            raise InvalidMutation, "#{model.name} #{operation} failed: unknown attribute '#{column}' for #{model.name} (columns: #{columns.keys.join(', ')})"
          end
          if value.is_a?(Hash) || value.is_a?(Array)
            raise InvalidMutation, "#{model.name} #{operation} failed: column '#{column}' got #{value.to_json}" unless %i[json jsonb].include?(columns[column].type)
          end
          out[column] = TIME_TYPES.include?(columns[column].type) && value.is_a?(Numeric) ? Time.at(BigDecimal(value.to_s) / 1000).utc : value
        end.tap do |checked|
          key = checked[model.primary_key]
          raise InvalidMutation, "#{model.name} #{operation} failed: '#{model.primary_key}' is required" if key.nil?
        end
      end

      def run(model, operation, values, context, policy)
        id = values[model.primary_key]
        case operation
        when "create"
          record = model.new(values)
          authorize!(policy, context, operation, model, record, values)
          record.save!
        when "update"
          record = model.find(id)
          record.assign_attributes(values.except(model.primary_key))
          authorize!(policy, context, operation, model, record, values)
          record.save!
        when "destroy"
          # Rails' destroy of a record whose row is already gone writes nothing and succeeds; nothing written, nothing
          # to authorize (the Node endpoint's write guard does the same).
          record = model.find_by(model.primary_key => id)
          return if record.nil?

          authorize!(policy, context, operation, model, record, values)
          record.destroy!
        when "upsert"
          authorize!(policy, context, operation, model, nil, values)
          model.upsert(values, unique_by: model.primary_key)
        end
      end

      def authorize!(policy, context, operation, model, record, values)
        return if policy.nil?
        return if policy.call(context, Change.new(operation: POLICY_OPERATION.fetch(operation), model: model, record: record, values: values))

        raise WriteDenied.new(model.table_name, POLICY_OPERATION.fetch(operation))
      end

      # The error row's `details` (what the client's `.server` result carries): for RecordInvalid, the shape
      # `RecordInvalidError.fromDetails` reads (runtime/core/errors.ts), Rails' own messages.
      def details_of(error)
        case error
        when ActiveRecord::RecordInvalid
          record = error.record
          { "name" => "RecordInvalidError", "model" => record.class.name, "errors" => record.errors.to_hash.transform_keys(&:to_s),
            "errorDetails" => record.errors.details.transform_keys(&:to_s), "fullMessages" => record.errors.full_messages }
        when WriteDenied then error.details
        when ActiveRecord::RecordNotFound
          { "name" => "RecordNotFound", "model" => error.model, "primaryKey" => error.primary_key, "id" => error.id }
        else { "name" => error.class.name }
        end
      end
    end
  end
end
