class Practice < ApplicationRecord
  has_many :cases, dependent: :restrict_with_error

  normalizes :account_code, with: ->(code) { code.strip.upcase }
  normalizes :phone, with: ->(phone) { phone.gsub(/[^\d+]/, "") }

  validates :name, :dentist_name, :city, presence: true
  validates :account_code, presence: true, uniqueness: { case_sensitive: false }

  scope :by_name, -> { order(:name) }
  scope :in_city, ->(city) { where(city: city) }
end
