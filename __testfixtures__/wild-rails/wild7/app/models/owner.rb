class Owner < ApplicationRecord
  has_many :pets, dependent: :restrict_with_error
  has_many :stays, through: :pets

  normalizes :email, with: ->(email) { email.strip.downcase }
  normalizes :phone, :emergency_phone, with: ->(phone) { phone.gsub(/[^\d+]/, "") }

  validates :first_name, :last_name, :phone, presence: true
  validates :email, format: { with: URI::MailTo::EMAIL_REGEXP }, allow_blank: true

  scope :alphabetical, -> { order(:last_name, :first_name) }
  scope :with_pets_boarding, -> { joins(:stays).merge(Stay.checked_in).distinct }

  def full_name
    "#{first_name} #{last_name}"
  end
end
