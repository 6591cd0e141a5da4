class WateringShift < ApplicationRecord
  belongs_to :gardener, optional: true

  enum :zone, {
    north: "north",
    south: "south",
    greenhouse: "greenhouse"
  }, prefix: true

  enum :status, {
    open: "open",
    claimed: "claimed",
    done: "done",
    missed: "missed"
  }

  validates :starts_at, :ends_at, presence: true
  validates :gardener, presence: true, if: -> { claimed? || done? }
  validate :ends_after_start

  scope :upcoming, -> { where(starts_at: Time.current..).order(:starts_at) }
  scope :unclaimed, -> { open.where(gardener_id: nil) }
  scope :chronological, -> { order(:starts_at) }

  private

  def ends_after_start
    return unless starts_at && ends_at
    return if ends_at > starts_at

    errors.add(:ends_at, "must be after the start")
  end
end
