class Show < ApplicationRecord
  belongs_to :venue
  has_many :price_tiers, -> { order(:position) }, dependent: :destroy
  has_many :orders, dependent: :restrict_with_error

  enum :status, {
    draft: "draft",
    on_sale: "on_sale",
    sold_out: "sold_out",
    cancelled: "cancelled"
  }, default: :draft, validate: true

  validates :title, presence: true, length: { maximum: 200 }
  validates :starts_at, presence: true

  scope :upcoming, -> { where(starts_at: Time.current..).order(:starts_at) }
  scope :within, ->(period) { upcoming.where(starts_at: ..period.from_now) }

  def seats_left
    price_tiers.sum("capacity - sold_count")
  end
end
