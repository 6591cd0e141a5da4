class PriceTier < ApplicationRecord
  belongs_to :show
  has_many :tickets, dependent: :restrict_with_error

  validates :name, presence: true, uniqueness: { scope: :show_id }
  validates :price_cents, numericality: { only_integer: true, greater_than_or_equal_to: 0 }
  validates :capacity, numericality: { only_integer: true, greater_than: 0 }
  validate :not_oversold

  scope :available, -> { where("sold_count < capacity") }

  private

  def not_oversold
    errors.add(:sold_count, "exceeds capacity") if sold_count.to_i > capacity.to_i
  end
end
