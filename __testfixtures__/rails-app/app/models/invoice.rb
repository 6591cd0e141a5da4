class Invoice < ApplicationRecord
  belongs_to :job

  validates :number, presence: true, length: { is: 8 }
  validates :amount, numericality: { greater_than: 0 }
  validates :due_on, presence: true, if: :paid?

  scope :unpaid, -> { where(paid: false).order(due_on: :asc) }
  scope :overdue, -> { unpaid.where("due_on < ?", Date.current) }
end
