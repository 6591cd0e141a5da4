class Bin < ApplicationRecord
  belongs_to :product, optional: true
  has_many :outgoing_moves, class_name: "StockMove", foreign_key: "from_bin_id"
  has_many :incoming_moves, class_name: "StockMove", foreign_key: "to_bin_id"
end
