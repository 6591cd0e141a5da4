class FeedingSchedule < ApplicationRecord
  belongs_to :stay

  UNITS = %w[cup gram scoop can pouch].freeze

  validates :food_name, presence: true
  validates :amount, numericality: { greater_than: 0 }
  validates :unit, inclusion: { in: UNITS }
  validates :times_per_day, numericality: { only_integer: true, in: 1..6 }
  validates :feeding_times, format: { with: /\A\d{2}:\d{2}(,\d{2}:\d{2})*\z/ }, allow_blank: true

  scope :active, -> { where(active: true) }
  scope :owner_supplied, -> { where(owner_supplied: true) }

  def times
    feeding_times.to_s.split(",").map(&:strip)
  end
end
