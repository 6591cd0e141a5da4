class Ticket < ApplicationRecord
  belongs_to :order
  belongs_to :price_tier

  validates :seat_label, uniqueness: { scope: :price_tier_id }, allow_nil: true

  scope :checked_in, -> { where(checked_in: true) }
  scope :not_arrived, -> { where(checked_in: false) }

  before_save :stamp_check_in, if: -> { checked_in_changed?(from: false, to: true) }

  private

  def stamp_check_in
    self.checked_in_at ||= Time.current
  end
end
