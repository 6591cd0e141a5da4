class Room < ApplicationRecord
  has_many :appointments
end
