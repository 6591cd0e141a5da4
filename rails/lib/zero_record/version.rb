# frozen_string_literal: true

module ZeroRecord
  VERSION = "0.1.0"
end
