class Visit < ApplicationRecord
  belongs_to :technician, optional: true
  has_many :invoices
  has_many :devices

  enum :status, { scheduled: "scheduled", en_route: "en_route", on_site: "on_site", completed: "completed", cancelled: "cancelled" }
end
