class ToolLoan < ApplicationRecord
  belongs_to :gardener

  validates :tool_name, :borrowed_at, :due_at, presence: true
  validate :due_after_borrowed

  scope :outstanding, -> { where(returned_at: nil) }
  scope :overdue, -> { outstanding.where(due_at: ...Time.current) }
  scope :by_due_date, -> { order(:due_at) }

  def returned?
    returned_at.present?
  end

  def return!(notes: nil)
    update!(returned_at: Time.current, condition_notes: notes.presence || condition_notes)
  end

  private

  def due_after_borrowed
    return unless borrowed_at && due_at
    return if due_at > borrowed_at

    errors.add(:due_at, "must be after the loan starts")
  end
end
