class Assignment < ApplicationRecord
  belongs_to :job
  belongs_to :user

  validates :role, inclusion: { in: %w[worker lead] }
  validates :job_id, uniqueness: { scope: :user_id }

  scope :leads, -> { where(role: "lead") }
end
