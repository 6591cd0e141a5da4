class Job < ApplicationRecord
  belongs_to :client, optional: true
  belongs_to :assignee, class_name: "User", optional: true
  has_many :tasks

  enum :status, { draft: "draft", active: "active", on_hold: "on_hold", done: "done" }
end
