class RepairTicket < ApplicationRecord
  belongs_to :bike
  belongs_to :station, optional: true
  belongs_to :reported_by, class_name: "Rider", foreign_key: :reported_by_rider_id, optional: true,
                           inverse_of: :reported_repair_tickets

  enum :priority, { low: "low", normal: "normal", high: "high", critical: "critical" }, default: :normal, validate: true
  enum :status, { open: "open", in_progress: "in_progress", waiting_parts: "waiting_parts", resolved: "resolved" },
       default: :open, validate: true

  validates :title, presence: true, length: { maximum: 140 }
  validates :opened_at, presence: true
  validates :resolved_at, presence: true, if: :resolved?

  scope :unresolved, -> { where.not(status: :resolved) }
end
