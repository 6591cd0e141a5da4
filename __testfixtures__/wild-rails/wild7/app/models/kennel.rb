class Kennel < ApplicationRecord
  has_many :stays, dependent: :nullify
  has_one :current_stay, -> { checked_in }, class_name: "Stay"

  enum :size, {
    small: "small",
    medium: "medium",
    large: "large",
    suite: "suite"
  }, suffix: true

  enum :status, {
    available: "available",
    occupied: "occupied",
    cleaning: "cleaning",
    out_of_service: "out_of_service"
  }, default: "available"

  validates :code, presence: true, uniqueness: { case_sensitive: false }
  validates :ward, presence: true
  validates :daily_rate_cents, numericality: { only_integer: true, greater_than_or_equal_to: 0 }

  scope :heated, -> { where(heated: true) }
  scope :in_ward, ->(ward) { where(ward: ward) }
  scope :by_code, -> { order(:code) }

  def daily_rate
    daily_rate_cents / 100.0
  end
end
