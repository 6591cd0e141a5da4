class Client < ApplicationRecord
  has_many :jobs, dependent: :destroy
  has_many :tasks, through: :jobs

  validates :name, presence: true, uniqueness: true
  validates :email, format: { with: /\A[^@\s]+@[^@\s]+\z/, message: "is not an email" }, allow_nil: true

  scope :active, -> { where(archived: false) }
  scope :alphabetical, -> { order(:name) }
end
