class User < ApplicationRecord
  ROLES = %w[admin member].freeze

  has_many :assignments, dependent: :destroy
  has_many :jobs, through: :assignments

  enum role: { admin: "admin", member: "member" }, _prefix: :as, _default: "admin"

  validates :email, presence: true, uniqueness: { case_sensitive: false }
  validates :role, inclusion: { in: ROLES, message: "%{value} is not a role" }
  validates :name, exclusion: { in: %w[admin root] }, length: { minimum: 2 }, allow_nil: true
end
