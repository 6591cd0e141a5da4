class Client < ApplicationRecord
  has_many :jobs
end
