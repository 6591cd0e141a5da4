# frozen_string_literal: true

require "logger"
require_relative "../configurable"
require_relative "../describer"

module ZeroRecord
  module Push
    # What the push endpoint needs from the app. In config/initializers/zero_record.rb:
    #   ZeroRecord::Push.configure do |c|
    #     c.authenticate = ->(request) { { user_id: User.from_session(request.cookies)&.id } }
    #     c.write_policy(Job) { |context, change| change.record.owner_id == context[:user_id] }
    #   end
    class Configuration
      # The models whose mutators are served: an Array of classes, or a callable returning one. Default: the
      # models the describer describes under `root` (Describer.described_models), i.e. those the generator made
      # TypeScript mutators for. Only loaded models count: eager load (production) or list them here.
      attr_accessor :models
      # The app root whose app/models are served by default (Rails.root in a Rails app).
      attr_writer :root
      # ->(rack_request) { context }: the context write policies see. Raise ZeroRecord::Push::AuthenticationError
      # to refuse (HTTP 401). A context Hash with a String `:user_id` is that user: the push response
      # claims it and zero-cache checks it against the client's userID. Default: anonymous `{}`.
      attr_accessor :authenticate
      attr_accessor :logger
      attr_reader :write_policies

      def initialize
        @models = nil
        @authenticate = ->(_request) { {} }
        @write_policies = {}
        @logger = Logger.new($stderr, level: Logger::WARN)
      end

      # Decides every write to `model` before it is saved: the block gets the context and a Change
      # (operation "insert" / "update" / "delete" / "upsert", the model, the record with the change applied
      # (nil for upsert), the pushed values); a falsy answer refuses the mutation (WriteDenied).
      def write_policy(model, &block)
        raise ArgumentError, "write_policy(#{model}) needs a block: { |context, change| true_or_false }" unless block

        @write_policies[model] = block
      end

      def root
        @root || (defined?(Rails.root) && Rails.root) || Dir.pwd
      end

      def served_models
        list = models.respond_to?(:call) ? models.call : models
        list || Describer.described_models(root: root)
      end
    end

    extend ZeroRecord::Configurable
  end
end
