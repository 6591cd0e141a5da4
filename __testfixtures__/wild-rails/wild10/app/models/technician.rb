class Technician < ApplicationRecord
  # No has_many :cases here: the app's Zero schema gives technicians no relationship.
  # cases.technician_id is nullified by the foreign key when a technician is deleted.

  enum :specialty, {
    crown_bridge: "crown_bridge",
    removables: "removables",
    implants: "implants",
    ortho: "ortho"
  }, validate: true

  validates :name, presence: true
  validates :active, inclusion: { in: [true, false] }

  scope :active, -> { where(active: true) }
  scope :by_name, -> { order(:name) }

  def deactivate!
    update!(active: false)
  end
end
