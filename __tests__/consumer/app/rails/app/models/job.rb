class Job < ApplicationRecord
  validates :title, presence: true, length: { maximum: 80 }
  scope :open, -> { where.not(status: "done") }
end
