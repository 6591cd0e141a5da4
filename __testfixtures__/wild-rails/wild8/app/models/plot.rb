class Plot < ApplicationRecord
  belongs_to :gardener, optional: true
  has_many :harvests, dependent: :destroy

  enum :zone, {
    north: "north",
    south: "south",
    greenhouse: "greenhouse"
  }, prefix: true

  enum :bed_type, {
    raised: "raised",
    ground: "ground",
    greenhouse: "greenhouse"
  }, suffix: :bed

  enum :status, {
    available: "available",
    assigned: "assigned",
    fallow: "fallow"
  }, validate: true

  validates :code, presence: true, uniqueness: { case_sensitive: false },
                   format: { with: /\A[A-Z]-\d{1,3}\z/ }
  validates :size_sqm, numericality: { greater_than: 0, less_than_or_equal_to: 500 }
  validates :gardener, presence: true, if: :assigned?

  scope :by_code, -> { order(:code) }
  scope :in_zone, ->(zone) { where(zone: zone) }
  scope :needs_water, ->(since = 2.days.ago) { where(last_watered_at: nil).or(where(last_watered_at: ...since)) }

  def watered!(at = Time.current)
    update!(last_watered_at: at)
  end
end
