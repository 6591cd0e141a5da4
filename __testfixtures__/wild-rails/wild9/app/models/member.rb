class Member < ApplicationRecord
  has_many :boats, foreign_key: :owner_id, inverse_of: :owner, dependent: :nullify
  has_many :race_entries, dependent: :restrict_with_error
  has_many :races, through: :race_entries

  normalizes :email, with: ->(email) { email.strip.downcase }
  normalizes :phone, with: ->(phone) { phone.gsub(/[^\d+]/, "") }

  validates :first_name, :last_name, presence: true
  validates :email, presence: true, uniqueness: { case_sensitive: false },
                    format: { with: URI::MailTo::EMAIL_REGEXP }
  validates :active, inclusion: { in: [true, false] }

  scope :active, -> { where(active: true) }
  scope :alphabetical, -> { order(:last_name, :first_name) }
  scope :lapsed, ->(before = 1.year.ago) { where(renewed_at: nil).or(where(renewed_at: ...before)) }

  def full_name
    "#{first_name} #{last_name}"
  end

  def renew!(at = Time.current)
    update!(renewed_at: at, active: true)
  end
end
