# frozen_string_literal: true

# A minimal Rails 6.1 app serving Zero's push endpoint for the Rails push tier: the engine mounted at
# /zero/push, models over the stack's PostgreSQL (DATABASE_URL), on WEBrick at 127.0.0.1:$PORT.
# Prints "listening" once it accepts requests.
require "logger"
require "rails"
require "active_record/railtie"
require "action_controller/railtie"
require "webrick"
require "rack/handler/webrick"
$LOAD_PATH.unshift File.expand_path("../../../rails/lib", __dir__)
require "zero_record"

class PushTestApp < Rails::Application
  config.root = __dir__
  config.eager_load = false
  config.logger = Logger.new($stderr, level: Logger::WARN)
  config.secret_key_base = "rails-push-tier" * 8
  config.hosts.clear
end
PushTestApp.initialize!
PushTestApp.routes.draw { mount ZeroRecord::Push::Engine => "/zero/push" }
require_relative "models"

ZeroRecord::Push.configure do |c|
  c.models = [Client, Job, Task]
  c.logger = Logger.new($stderr, level: Logger::ERROR)
  # The example app's rule (examples/stack/server.ts): the bearer token is the user id.
  c.authenticate = lambda do |request|
    token = request.get_header("HTTP_AUTHORIZATION").to_s[/\ABearer (.+)\z/, 1]
    raise ZeroRecord::Push::AuthenticationError, "a bearer token is required" unless token

    { user_id: token }
  end
  # Nobody may write a job whose title starts with "Forbidden", nor delete a pinned job (priority 9).
  c.write_policy(Job) do |_context, change|
    title = change.record ? change.record.title : change.values["title"]
    next false if title.to_s.start_with?("Forbidden")

    !(change.operation == "delete" && change.record.priority == 9)
  end
end

# Exit with the process that started this server: a test run killed before its afterAll must not leave it behind.
parent = Process.ppid
Thread.new do
  loop do
    sleep 1
    exit!(1) if Process.ppid != parent
  end
end

Rack::Handler::WEBrick.run(
  PushTestApp,
  Host: "127.0.0.1",
  Port: Integer(ENV.fetch("PORT")),
  Logger: WEBrick::Log.new($stderr, WEBrick::Log::WARN),
  AccessLog: [],
  StartCallback: -> { $stdout.puts("listening"); $stdout.flush },
)
