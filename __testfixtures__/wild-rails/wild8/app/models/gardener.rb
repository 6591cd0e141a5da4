class Gardener < ApplicationRecord
  has_many :plots, dependent: :nullify
  has_many :harvests, dependent: :restrict_with_error
  has_many :watering_shifts, dependent: :nullify
  has_many :tool_loans, dependent: :restrict_with_error

  normalizes :email, with: ->(email) { email.strip.downcase }
  normalizes :phone, with: ->(phone) { phone.gsub(/[^\d+]/, "") }

  validates :name, :joined_at, presence: true
  validates :email, presence: true, uniqueness: { case_sensitive: false },
                    format: { with: URI::MailTo::EMAIL_REGEXP }
  validates :active, inclusion: { in: [true, false] }

  scope :active, -> { where(active: true) }
  scope :alphabetical, -> { order(:name) }
  scope :with_open_loans, -> { joins(:tool_loans).merge(ToolLoan.outstanding).distinct }
end
