class Rental < ApplicationRecord
  belongs_to :bike
  belongs_to :rider
  belongs_to :start_station, class_name: "Station", inverse_of: :departing_rentals
  belongs_to :end_station, class_name: "Station", optional: true, inverse_of: :arriving_rentals

  enum :status, { active: "active", completed: "completed", overdue: "overdue", lost: "lost" },
       default: :active, validate: true

  validates :started_at, presence: true
  validates :ended_at, comparison: { greater_than: :started_at }, allow_nil: true
  validates :ended_at, :end_station, presence: true, if: :completed?
  validates :fare_cents, numericality: { only_integer: true, greater_than_or_equal_to: 0 }, allow_nil: true
  validates :distance_km, numericality: { greater_than_or_equal_to: 0 }, allow_nil: true
  validates :bike_id, uniqueness: { conditions: -> { where(status: :active) } }, if: :active?
end
