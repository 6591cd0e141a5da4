class Job < ApplicationRecord
  STATUSES = %w[draft active done].freeze

  belongs_to :client, counter_cache: true
  has_many :tasks, -> { order(:position) }, dependent: :destroy
  has_many :assignments
  has_many :workers, through: :assignments, source: :user
  has_one :invoice

  enum status: { draft: "draft", active: "active", done: "done" }, _prefix: :status
  enum priority: { low: 0, normal: 1, high: 2 }, _default: :high

  validates :title, presence: true, length: { maximum: 200 }
  validates :status, inclusion: { in: STATUSES }
  validates :budget, numericality: { greater_than_or_equal_to: 0 }, allow_nil: true
  validates :reference, format: { with: /\AJOB-\d+\z/ }, allow_blank: true
  validates :description, length: { in: 10..2000 }, allow_nil: true
  validates :title, uniqueness: { scope: :client_id }

  # Simple scopes: the generator turns these into real scope functions.
  scope :open, -> { where(status: "active") }
  scope :by_client, ->(client_id) { where(client_id: client_id) }
  scope :recent, -> { order(created_at: :desc) }
  scope :latest, ->(n = 5) { order(created_at: :desc).limit(n) }
  scope :not_done, -> { where.not(status: :done) }
  scope :urgent, -> { where(priority: :high).order(:title) }
  scope :between, ->(low, high) { where(budget: low..high) }

  # Complex scopes: left to the app (job.scopes.ts).
  scope :search, ->(query) { where("title LIKE ?", "%#{query}%") }
  scope :with_open_tasks, -> { joins(:tasks).merge(Task.open).distinct }
end
