# frozen_string_literal: true

module ZeroRecord
  module Push
    # Base of the push endpoint's errors.
    class Error < StandardError; end

    # Raised by the app's `authenticate` hook to refuse a request: answered HTTP 401, which zero-cache
    # reports to the client as 'needs-auth' (zero-cache/src/services/mutagen/pusher.js, isAuthErrorBody).
    class AuthenticationError < Error; end

    # A mutation the endpoint will not run: an unknown mutator name or arguments that are not
    # `{ "values" => { column => value } }`. Becomes the mutation's app error; the push goes on.
    class InvalidMutation < Error; end

    # A write policy refused the change. `details` is what the Node endpoint's write guard sends
    # (runtime/server/guarded-transaction.ts), so both servers refuse alike.
    class WriteDenied < Error
      attr_reader :table, :operation

      def initialize(table, operation)
        @table = table
        @operation = operation
        super("Not allowed: #{operation} on #{table} was refused by its write policy.")
      end

      def details
        { "type" => "WriteDenied", "table" => table, "operation" => operation }
      end
    end

    # The client sent a mutation id past the next one it owes (Zero's OutOfOrderMutation,
    # zero-server/src/process-mutations.js): the whole push fails and nothing after it runs.
    class OutOfOrderMutation < Error
      def initialize(client_id, received, expected)
        super("Client #{client_id} sent mutation ID #{received} but expected #{expected}")
      end
    end

    # The mutation was applied by an earlier push (Zero's MutationAlreadyProcessedError): skipped.
    class MutationAlreadyProcessed < Error
      def initialize(client_id, received, last)
        super("Ignoring mutation from #{client_id} with ID #{received} as it was already processed. Expected: #{last}")
      end
    end
  end
end
