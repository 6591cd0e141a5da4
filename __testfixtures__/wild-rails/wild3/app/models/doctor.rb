class Doctor < ApplicationRecord
  has_many :appointments
end
