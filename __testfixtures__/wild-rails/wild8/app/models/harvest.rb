class Harvest < ApplicationRecord
  belongs_to :plot
  belongs_to :gardener

  validates :crop, :harvested_at, presence: true
  validates :weight_kg, numericality: { greater_than: 0, less_than: 1000 }
  validate :harvested_at_not_in_future

  scope :recent_first, -> { order(harvested_at: :desc) }
  scope :for_pantry, -> { where(shared_with_pantry: true) }
  scope :this_season, -> { where(harvested_at: Time.current.beginning_of_year..) }

  private

  def harvested_at_not_in_future
    return unless harvested_at && harvested_at > Time.current

    errors.add(:harvested_at, "can't be in the future")
  end
end
