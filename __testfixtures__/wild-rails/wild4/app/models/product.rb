class Product < ApplicationRecord
  belongs_to :supplier, optional: true
  has_many :bins
  has_many :stock_moves

  enum :status, { active: "active", backordered: "backordered", discontinued: "discontinued" }
end
