# Its table was dropped by a migration; the model file is still around.
class Archive < ApplicationRecord
  belongs_to :job
end
