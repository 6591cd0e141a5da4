class Appointment < ApplicationRecord
  belongs_to :patient
  belongs_to :doctor
  belongs_to :room, optional: true
  has_many :invoices

  enum :status, { booked: "booked", checked_in: "checked_in", done: "done", cancelled: "cancelled", no_show: "no_show" }
end
