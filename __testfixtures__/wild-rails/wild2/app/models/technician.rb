class Technician < ApplicationRecord
  has_many :visits
end
