# frozen_string_literal: true

require "json"

module ZeroRecord
  module Push
    # Checks a push request the way Zero's pushBodySchema and mutateParamsSchema do
    # (zero-protocol/src/push.js, mutation.js, mutate-server.js): anything else is refused with a
    # Parse failure, never half-processed.
    module PushBody
      class Invalid < Error
        attr_reader :mutation_ids

        def initialize(message, mutation_ids = [])
          @mutation_ids = mutation_ids
          super(message)
        end
      end

      module_function

      # @return [Hash] the body (string keys); raises Invalid
      def parse(text)
        body = begin
          JSON.parse(text)
        rescue JSON::ParserError => e
          raise Invalid, "Failed to parse push body: #{e.message.lines.first&.strip}"
        end
        raise Invalid, "Failed to parse push body: expected an object, got #{body.class}" unless body.is_a?(Hash)

        mutations = body["mutations"]
        raise Invalid, "Failed to parse push body: mutations must be an array" unless mutations.is_a?(Array)

        ids = mutations.select { |m| m.is_a?(Hash) }.map { |m| { "id" => m["id"], "clientID" => m["clientID"] } }
        fail_with = ->(what) { raise Invalid.new("Failed to parse push body: #{what}", ids) }
        fail_with.call("clientGroupID must be a string") unless body["clientGroupID"].is_a?(String)
        fail_with.call("pushVersion must be a number") unless body["pushVersion"].is_a?(Numeric)
        fail_with.call("requestID must be a string") unless body["requestID"].is_a?(String)
        fail_with.call("timestamp must be a number") unless body["timestamp"].is_a?(Numeric)
        mutations.each_with_index { |m, i| check_mutation(m, i, fail_with) }
        body
      end

      def check_mutation(mutation, index, fail_with)
        return fail_with.call("mutations[#{index}] must be an object") unless mutation.is_a?(Hash)
        return fail_with.call("mutations[#{index}].type must be 'custom' or 'crud'") unless %w[custom crud].include?(mutation["type"])

        fail_with.call("mutations[#{index}].id must be an integer") unless mutation["id"].is_a?(Integer)
        fail_with.call("mutations[#{index}].clientID must be a string") unless mutation["clientID"].is_a?(String)
        fail_with.call("mutations[#{index}].name must be a string") unless mutation["name"].is_a?(String)
        fail_with.call("mutations[#{index}].args must be an array") unless mutation["args"].is_a?(Array)
        fail_with.call("mutations[#{index}].timestamp must be a number") unless mutation["timestamp"].is_a?(Numeric)
      end

      # The `schema` and `appID` query parameters zero-cache appends (zero-cache/src/custom/fetch.js).
      def params(query)
        schema = query["schema"]
        app_id = query["appID"]
        unless schema.is_a?(String) && !schema.empty? && app_id.is_a?(String) && !app_id.empty?
          raise Invalid, "Failed to parse push query parameters: schema and appID are required (zero-cache sends ?schema=<app>_<shard>&appID=<app>)"
        end

        { "schema" => schema, "appID" => app_id }
      end
    end
  end
end
