class StockMove < ApplicationRecord
  belongs_to :product
  belongs_to :from_bin, class_name: "Bin", optional: true
  belongs_to :to_bin, class_name: "Bin", optional: true

  enum :kind, { receive: "receive", pick: "pick", transfer: "transfer", adjust: "adjust" }
  enum :status, { pending: "pending", completed: "completed", cancelled: "cancelled" }
end
