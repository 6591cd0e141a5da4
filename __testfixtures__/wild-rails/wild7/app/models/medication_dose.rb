class MedicationDose < ApplicationRecord
  belongs_to :stay
  has_one :pet, through: :stay

  enum :status, {
    pending: "pending",
    given: "given",
    skipped: "skipped",
    refused: "refused"
  }, default: "pending"

  enum :route, {
    oral: "oral",
    topical: "topical",
    injection: "injection",
    eye_drops: "eye_drops",
    ear_drops: "ear_drops"
  }, prefix: true

  validates :medication_name, :dosage, :scheduled_at, presence: true
  validates :given_by, presence: true, if: :given?
  validates :given_at, presence: true, if: :given?

  scope :due_before, ->(time) { pending.where(scheduled_at: ..time) }
  scope :chronological, -> { order(:scheduled_at) }
end
