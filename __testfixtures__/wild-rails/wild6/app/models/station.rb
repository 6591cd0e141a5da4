class Station < ApplicationRecord
  has_many :bikes, dependent: :nullify
  has_many :repair_tickets, dependent: :nullify
  has_many :departing_rentals, class_name: "Rental", foreign_key: :start_station_id, inverse_of: :start_station, dependent: :restrict_with_error
  has_many :arriving_rentals, class_name: "Rental", foreign_key: :end_station_id, inverse_of: :end_station, dependent: :nullify

  enum :status, { active: "active", offline: "offline", decommissioned: "decommissioned" }, default: :active, validate: true

  validates :name, presence: true
  validates :code, presence: true, uniqueness: { case_sensitive: false }, format: { with: /\AST-\d{3,}\z/ }
  validates :address, presence: true
  validates :latitude, numericality: { greater_than_or_equal_to: -90, less_than_or_equal_to: 90 }
  validates :longitude, numericality: { greater_than_or_equal_to: -180, less_than_or_equal_to: 180 }
  validates :capacity, numericality: { only_integer: true, greater_than: 0 }

  scope :in_zone, ->(zone) { where(zone: zone) }

  def free_docks
    capacity - bikes.where(status: :available).count
  end
end
