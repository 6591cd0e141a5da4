class Venue < ApplicationRecord
  has_many :shows, dependent: :restrict_with_error

  validates :name, presence: true, uniqueness: { scope: :city }
  validates :city, presence: true
  validates :capacity, numericality: { only_integer: true, greater_than: 0 }

  scope :in_city, ->(city) { where(city: city) }
end
