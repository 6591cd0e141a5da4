# frozen_string_literal: true

require "json"
require "rack"
require "active_record"
require_relative "configuration"
require_relative "errors"
require_relative "push_body"
require_relative "processor"

module ZeroRecord
  module Push
    # The push endpoint as a plain Rack app (zero-cache's ZERO_MUTATE_URL): `run ZeroRecord::Push::App.new`
    # in a config.ru, or `mount ZeroRecord::Push::Engine => "/zero/push"` in Rails. Answers as Zero's
    # handleMutateRequest does: HTTP 200 with a MutateResponse or a PushFailed body, 401 when `authenticate`
    # refuses. An unexpected error answers 500, which zero-cache retries (zero-cache/src/custom/fetch.js).
    class App
      JSON_HEADERS = { "content-type" => "application/json" }.freeze

      def initialize(config = nil)
        @config = config
      end

      def call(env)
        request = Rack::Request.new(env)
        return [405, { "content-type" => "text/plain", "allow" => "POST" }, ["The Zero push endpoint takes POST only\n"]] unless request.post?

        config = @config || Push.config
        context = begin
          config.authenticate.call(request)
        rescue AuthenticationError => e
          return [401, { "content-type" => "text/plain" }, [e.message]]
        end
        json(push(config, request, context))
      end

      private

      def push(config, request, context)
        body = PushBody.parse(request.body.read)
        params = PushBody.params(request.GET)
        if body["pushVersion"] != 1
          return failed("unsupportedPushVersion", "Unsupported push version: #{body['pushVersion']}", ids(body))
        end

        processor = Processor.new(models: config.served_models, write_policies: config.write_policies, logger: config.logger)
        processor.call(body, params, context, user_id_of(context))
      rescue PushBody::Invalid => e
        config.logger.error("zero_record: #{e.message}")
        failed("parse", e.message, e.mutation_ids)
      end

      # Zero's handler always claims a userID (null when anonymous) and zero-cache refuses a client whose own
      # differs (connection-context-manager.js, validateConnection): an anonymous context claims nobody.
      def user_id_of(context)
        id = context.is_a?(Hash) ? (context[:user_id] || context["user_id"]) : nil
        id.is_a?(String) ? id : nil
      end

      def ids(body)
        body["mutations"].map { |m| { "id" => m["id"], "clientID" => m["clientID"] } }
      end

      def failed(reason, message, mutation_ids)
        { "kind" => "PushFailed", "origin" => "server", "reason" => reason, "message" => message, "mutationIDs" => mutation_ids }
      end

      def json(body)
        [200, JSON_HEADERS.dup, [JSON.generate(body)]]
      end
    end
  end
end
