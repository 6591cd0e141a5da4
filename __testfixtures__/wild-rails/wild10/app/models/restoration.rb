class Restoration < ApplicationRecord
  # No belongs_to :case here: the app's Zero schema gives restorations no relationship
  # (it reads them from the case side, Case#restorations). The foreign key keeps case_id honest.

  enum :kind, {
    crown: "crown",
    bridge_unit: "bridge_unit",
    veneer: "veneer",
    inlay: "inlay",
    abutment: "abutment"
  }, validate: true

  enum :material, {
    zirconia: "zirconia",
    emax: "emax",
    pfm: "pfm",
    gold: "gold"
  }, prefix: true, validate: true

  validates :case_id, presence: true
  # FDI notation: quadrant 1-4, tooth 1-8.
  validates :tooth, numericality: { only_integer: true, in: 11..48 }
  validates :position, numericality: { only_integer: true, greater_than_or_equal_to: 0 }
  validates :completed, inclusion: { in: [true, false] }

  scope :ordered, -> { order(:position) }
  scope :pending, -> { where(completed: false) }

  def complete!
    update!(completed: true)
  end
end
