class Invoice < ApplicationRecord
  belongs_to :visit

  enum :status, { draft: "draft", sent: "sent", paid: "paid", void: "void" }
end
