class Race < ApplicationRecord
  STATUSES = %w[scheduled running finished abandoned].freeze
  SERIES = ["Wednesday Evening", "Autumn Pursuit", "Frostbite"].freeze

  has_many :race_entries, dependent: :destroy
  has_many :members, through: :race_entries

  # Kept a plain string column (not `enum`): the Zero schema and the app read it as a string.
  validates :status, inclusion: { in: STATUSES }
  validates :series, inclusion: { in: SERIES }, allow_nil: true
  validates :name, :starts_at, presence: true

  scope :upcoming, -> { where(status: "scheduled", starts_at: Time.current..).order(:starts_at) }
  scope :finished, -> { where(status: "finished").order(starts_at: :desc) }
  scope :in_series, ->(series) { where(series: series) }

  def abandon!
    update!(status: "abandoned")
  end
end
