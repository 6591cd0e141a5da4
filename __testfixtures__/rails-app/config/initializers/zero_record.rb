# frozen_string_literal: true

# The default command is `npx zero-record generate --json <description>`; the repo's tests point it at their CLI
# and turn the development watcher on.
ZeroRecord.configure do |c|
  c.generate_command = ["node", ENV["ZERO_RECORD_BIN"], "generate", "--json", "%{json}"] if ENV["ZERO_RECORD_BIN"]
  c.watch = ENV["ZERO_RECORD_WATCH"] == "1"
end
