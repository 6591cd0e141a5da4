class Client < ApplicationRecord
  has_many :jobs

  validates :name, presence: true
  validates :email, format: { with: /\A[^@\s]+@[^@\s]+\z/, message: "is not an email" }, allow_blank: true

  scope :alphabetical, -> { order(:name) }
end
