class Rider < ApplicationRecord
  has_many :rentals, dependent: :restrict_with_error
  has_many :reported_repair_tickets, class_name: "RepairTicket", foreign_key: :reported_by_rider_id,
                                     inverse_of: :reported_by, dependent: :nullify

  enum :membership, { pay_as_you_go: "pay_as_you_go", monthly: "monthly", annual: "annual" },
       default: :pay_as_you_go, validate: true
  enum :status, { active: "active", suspended: "suspended", closed: "closed" }, default: :active, validate: true

  normalizes :email, with: ->(email) { email.strip.downcase }

  validates :full_name, presence: true
  validates :email, presence: true, uniqueness: true, format: { with: URI::MailTo::EMAIL_REGEXP }
  validates :balance_cents, numericality: { only_integer: true }
  validates :joined_at, presence: true
end
