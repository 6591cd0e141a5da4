class Order < ApplicationRecord
  belongs_to :show
  has_many :tickets, dependent: :destroy

  enum :status, {
    pending: "pending",
    paid: "paid",
    refunded: "refunded",
    void: "void"
  }, default: :pending, validate: true

  validates :buyer_name, presence: true
  validates :buyer_email, presence: true, format: { with: URI::MailTo::EMAIL_REGEXP }
  validates :total_cents, numericality: { only_integer: true, greater_than_or_equal_to: 0 }

  scope :stale, ->(hours = 48) { pending.where(created_at: ...hours.hours.ago) }
end
