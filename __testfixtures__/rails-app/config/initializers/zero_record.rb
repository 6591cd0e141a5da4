# frozen_string_literal: true

# The default command is `npx zero-record generate --json <description>`; the repo's tests point it at their CLI.
if ENV["ZERO_RECORD_BIN"]
  ZeroRecord.configure do |c|
    c.generate_command = ["node", ENV["ZERO_RECORD_BIN"], "generate", "--json", "%{json}"]
  end
end
