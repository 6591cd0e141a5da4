class Job < ApplicationRecord
  belongs_to :client, optional: true

  enum status: { draft: "draft", active: "active", done: "done" }, _prefix: :status

  validates :title, presence: true, length: { maximum: 80 }
  validates :status, inclusion: { in: %w[draft active done] }
  validates :priority, numericality: { only_integer: true, greater_than_or_equal_to: 1, less_than_or_equal_to: 5 }, allow_nil: true

  scope :open, -> { where.not(status: "done") }
  scope :by_title, -> { order(:title) }
  scope :by_client, ->(client_id) { where(client_id: client_id) }
end
