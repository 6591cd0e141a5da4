class Invoice < ApplicationRecord
  belongs_to :appointment
  belongs_to :patient

  enum :status, { draft: "draft", sent: "sent", paid: "paid", void: "void" }
end
