class Assignment < ApplicationRecord
  belongs_to :job
  belongs_to :user, required: false # Rails 4 spelling of optional: true

  enum role: { worker: "worker", lead: "lead" }, _suffix: true, _scopes: false

  validates :role, inclusion: { in: %w[worker lead] }
  validates :job_id, uniqueness: { scope: :user_id }

  scope :leads, -> { where(role: "lead") } # trailing comment, not part of the body
  scope(:newest_first, -> { order(created_at: :desc) })
  scope :for_jobs,
        ->(job_ids) {
          where(job_id: job_ids)
            .order(
              created_at: :asc,
            )
        }
end
