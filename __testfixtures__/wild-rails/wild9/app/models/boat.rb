class Boat < ApplicationRecord
  belongs_to :owner, class_name: "Member", optional: true, inverse_of: :boats
  has_many :work_orders, dependent: :destroy
  has_many :race_entries, dependent: :nullify

  normalizes :sail_number, with: ->(number) { number.strip.upcase }

  validates :name, :class_name, presence: true
  validates :sail_number, presence: true, uniqueness: { case_sensitive: false }
  validates :length_m, numericality: { greater_than: 0, less_than: 30 }
  validates :active, inclusion: { in: [true, false] }

  scope :active, -> { where(active: true) }
  scope :by_name, -> { order(:name) }
  scope :club_owned, -> { where(owner_id: nil) }
end
