class RaceEntry < ApplicationRecord
  ROLES = %w[helm crew reserve].freeze

  belongs_to :race
  belongs_to :member
  belongs_to :boat, optional: true

  validates :role, inclusion: { in: ROLES }
  validates :member_id, uniqueness: { scope: :race_id }
  validates :position, numericality: { only_integer: true, greater_than: 0 }, allow_nil: true
  validates :elapsed_s, numericality: { only_integer: true, greater_than_or_equal_to: 0 }, allow_nil: true

  scope :placed, -> { where.not(position: nil).order(:position) }
  scope :helms, -> { where(role: "helm") }
end
