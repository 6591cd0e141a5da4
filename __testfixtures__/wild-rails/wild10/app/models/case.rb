class Case < ApplicationRecord
  belongs_to :practice
  belongs_to :technician, optional: true
  has_many :restorations, dependent: :destroy
  has_many :notes, class_name: "CaseNote", dependent: :destroy

  enum :status, {
    received: "received",
    design: "design",
    milling: "milling",
    finishing: "finishing",
    qc: "qc",
    shipped: "shipped",
    on_hold: "on_hold"
  }, default: :received, validate: true

  normalizes :case_number, with: ->(number) { number.strip.upcase }

  validates :case_number, presence: true, uniqueness: { case_sensitive: false }
  validates :patient_ref, :due_at, :received_at, presence: true
  validates :rush, inclusion: { in: [true, false] }
  validate :due_after_received

  scope :by_due_date, -> { order(:due_at) }
  scope :open, -> { where.not(status: "shipped") }
  scope :rush, -> { where(rush: true) }
  scope :for_practice, ->(practice_id) { where(practice_id: practice_id) }
  scope :unassigned, -> { where(technician_id: nil) }

  def ship!
    update!(status: "shipped")
  end

  private

  def due_after_received
    return unless received_at && due_at
    return if due_at >= received_at

    errors.add(:due_at, "can't be before the case was received")
  end
end
