class Device < ApplicationRecord
  belongs_to :visit, optional: true

  enum :kind, { thermostat: "thermostat", meter: "meter", gateway: "gateway" }
end
