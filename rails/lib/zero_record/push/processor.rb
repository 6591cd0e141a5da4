# frozen_string_literal: true

require "json"
require_relative "errors"
require_relative "mutator_names"
require_relative "model_operations"

module ZeroRecord
  module Push
    # Processes one parsed push as Zero's own server does (zero-server/src/process-mutations.js,
    # handleMutateRequest + Transactor, over zero-server/src/zql-database.js):
    # - each mutation in its own transaction, which first advances "<app>_<shard>".clients.lastMutationID
    #   and checks the mutation's id against it: lower -> skipped ('alreadyProcessed'), higher -> the
    #   push fails (OutOfOrderMutation) with the unprocessed ids, nothing of it applied;
    # - an application error rolls the mutation back, then a second transaction advances the id and
    #   writes the error row into "<app>_<shard>".mutations, which the client's `.server` result reads;
    # - `_zero_cleanupResults` deletes acknowledged error rows, without touching lastMutationID.
    class Processor
      CLEANUP = "_zero_cleanupResults"

      def initialize(models:, write_policies:, logger:)
        @names = MutatorNames.table(models)
        @write_policies = write_policies
        @logger = logger
      end

      # @return [Hash] the MutateResponse or PushFailed body (string keys)
      def call(body, params, context, user_id)
        schema = params.fetch("schema")
        processed = 0
        responses = []
        body["mutations"].each do |mutation|
          if mutation["type"] == "custom" && mutation["name"] == CLEANUP
            cleanup(schema, mutation)
          else
            # Zero asserts custom mutations here; a CRUD one fails the push (internal).
            raise Error, "Expected custom mutation" unless mutation["type"] == "custom"

            responses << process(schema, body["clientGroupID"], mutation, context)
          end
          processed += 1
        end
        { "kind" => "MutateResponse", "mutations" => responses }.tap { |r| r["userID"] = user_id if user_id }
      rescue StandardError => e
        @logger.error("zero_record push failed: #{e.class}: #{e.message}")
        reason = case e
                 when OutOfOrderMutation then "oooMutation"
                 when ActiveRecord::ActiveRecordError then "database"
                 else "internal"
                 end
        ids = body["mutations"].drop(processed).map { |m| { "id" => m["id"], "clientID" => m["clientID"] } }
        { "kind" => "PushFailed", "origin" => "server", "reason" => reason, "message" => e.message, "mutationIDs" => ids }
      end

      private

      def process(schema, client_group_id, mutation, context)
        id_of = { "clientID" => mutation["clientID"], "id" => mutation["id"] }
        begin
          # Unknown names and bad arguments fail before any transaction, as in Zero (the 'preTransaction' phase).
          model, operation = MutatorNames.lookup(@names, mutation["name"]) || raise(InvalidMutation, unknown(mutation["name"]))
          values = ModelOperations.values_of(model, operation, mutation["args"][0])
          transaction(schema, client_group_id, mutation) do
            ModelOperations.run(model, operation, values, context, @write_policies[model])
          end
          { "id" => id_of, "result" => {} }
        rescue MutationAlreadyProcessed => e
          already_processed(id_of, e)
        rescue OutOfOrderMutation
          raise
        rescue StandardError => e
          @logger.warn("zero_record mutation #{mutation['name']} (id=#{mutation['id']}, clientID=#{mutation['clientID']}) failed: #{e.class}: #{e.message}")
          persist_failure(schema, client_group_id, mutation, id_of, e)
        end
      end

      # The rolled-back mutation's outcome, in a transaction of its own that also advances the id.
      def persist_failure(schema, client_group_id, mutation, id_of, error)
        result = { "error" => "app", "message" => error.message, "details" => ModelOperations.details_of(error) }
        transaction(schema, client_group_id, mutation) do |connection|
          connection.exec_update(<<~SQL, "zero_record mutation result")
            INSERT INTO #{connection.quote_column_name(schema)}.mutations ("clientGroupID", "clientID", "mutationID", "result")
            VALUES (#{connection.quote(client_group_id)}, #{connection.quote(mutation['clientID'])}, #{Integer(mutation['id'])}, #{connection.quote(JSON.generate(result))}::text::json)
          SQL
        end
        { "id" => id_of, "result" => result }
      rescue MutationAlreadyProcessed => e
        already_processed(id_of, e)
      end

      def already_processed(id_of, error)
        @logger.warn(error.message)
        { "id" => id_of, "result" => { "error" => "alreadyProcessed", "details" => error.message } }
      end

      # One transaction that first advances lastMutationID (zql-database.js, updateClientMutationID).
      def transaction(schema, client_group_id, mutation)
        ActiveRecord::Base.connection_pool.with_connection do |connection|
          connection.transaction(requires_new: true) do
            last = connection.select_value(<<~SQL, "zero_record lastMutationID").to_i
              INSERT INTO #{connection.quote_column_name(schema)}.clients AS current ("clientGroupID", "clientID", "lastMutationID")
              VALUES (#{connection.quote(client_group_id)}, #{connection.quote(mutation['clientID'])}, 1)
              ON CONFLICT ("clientGroupID", "clientID") DO UPDATE SET "lastMutationID" = current."lastMutationID" + 1
              RETURNING "lastMutationID"
            SQL
            received = mutation["id"]
            raise MutationAlreadyProcessed.new(mutation["clientID"], received, last) if received < last
            raise OutOfOrderMutation.new(mutation["clientID"], received, last) if received > last

            yield connection
          end
        end
      end

      # Zero's processCleanupResultsMutation: invalid args or a failure are logged, never fail the push.
      def cleanup(schema, mutation)
        args = mutation["args"][0]
        ActiveRecord::Base.connection_pool.with_connection do |connection|
          table = "#{connection.quote_column_name(schema)}.mutations"
          group = args.is_a?(Hash) ? args["clientGroupID"] : nil
          if group.is_a?(String) && args["type"] == "bulk" && args["clientIDs"].is_a?(Array) && !args["clientIDs"].empty? && args["clientIDs"].all?(String)
            ids = args["clientIDs"].map { |c| connection.quote(c) }.join(", ")
            connection.exec_delete(%(DELETE FROM #{table} WHERE "clientGroupID" = #{connection.quote(group)} AND "clientID" IN (#{ids})), "zero_record cleanup")
          elsif group.is_a?(String) && [nil, "single"].include?(args["type"]) && args["clientID"].is_a?(String) && args["upToMutationID"].is_a?(Numeric)
            connection.exec_delete(<<~SQL, "zero_record cleanup")
              DELETE FROM #{table} WHERE "clientGroupID" = #{connection.quote(group)} AND "clientID" = #{connection.quote(args['clientID'])}
                AND "mutationID" <= #{Integer(args['upToMutationID'])}
            SQL
          else
            @logger.warn("zero_record: #{CLEANUP} has invalid args: #{args.to_json}")
          end
        end
      rescue StandardError => e
        @logger.warn("zero_record: #{CLEANUP} failed for client #{mutation['clientID']}: #{e.message}")
      end

      def unknown(name)
        "unknown mutator #{name.to_json}: this endpoint serves #{@names.keys.sort.join(', ')}"
      end
    end
  end
end
