class WorkOrder < ApplicationRecord
  STATUSES = %w[open waiting_parts done].freeze

  belongs_to :boat

  validates :title, :opened_at, presence: true
  validates :status, inclusion: { in: STATUSES }
  validates :priority, numericality: { only_integer: true, in: 1..3 }
  validates :closed_at, presence: true, if: -> { status == "done" }
  validate :closed_after_opened

  scope :outstanding, -> { where.not(status: "done").order(:opened_at) }
  scope :urgent, -> { where(priority: 1) }

  def close!(at = Time.current)
    update!(status: "done", closed_at: at)
  end

  private

  def closed_after_opened
    return unless opened_at && closed_at
    return if closed_at >= opened_at

    errors.add(:closed_at, "can't be before the order was opened")
  end
end
