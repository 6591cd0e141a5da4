class Bike < ApplicationRecord
  belongs_to :station, optional: true
  has_many :rentals, dependent: :restrict_with_error
  has_many :repair_tickets, dependent: :destroy

  enum :kind, { classic: "classic", ebike: "ebike", cargo: "cargo" }, validate: true
  enum :status, { available: "available", rented: "rented", in_repair: "in_repair", retired: "retired" },
       default: :available, validate: true

  validates :serial_number, presence: true, uniqueness: true
  validates :frame_model, presence: true
  validates :odometer_km, numericality: { only_integer: true, greater_than_or_equal_to: 0 }
  validates :battery_level, numericality: { only_integer: true, in: 0..100 }, allow_nil: true
  validates :battery_level, absence: true, unless: :ebike?
  validate :station_only_when_docked

  private

  def station_only_when_docked
    errors.add(:station, "must be empty while rented or retired") if station_id.present? && (rented? || retired?)
  end
end
