class Pet < ApplicationRecord
  belongs_to :owner
  has_many :stays, dependent: :destroy
  has_one :current_stay, -> { checked_in }, class_name: "Stay"

  enum :species, {
    dog: "dog",
    cat: "cat",
    rabbit: "rabbit",
    bird: "bird",
    reptile: "reptile",
    other: "other"
  }, validate: true

  enum :temperament, {
    friendly: "friendly",
    nervous: "nervous",
    reactive: "reactive",
    muzzle_required: "muzzle_required",
    unknown: "unknown"
  }, prefix: true

  validates :name, presence: true
  validates :microchip_number, uniqueness: true, length: { is: 15 }, allow_blank: true
  validates :weight_kg, numericality: { greater_than: 0, less_than: 150 }, allow_nil: true

  scope :with_allergies, -> { where.not(allergies: [nil, ""]) }
  scope :boarding, -> { joins(:stays).merge(Stay.checked_in) }

  def age_in_years
    return unless date_of_birth

    ((Date.current - date_of_birth) / 365.25).floor
  end
end
