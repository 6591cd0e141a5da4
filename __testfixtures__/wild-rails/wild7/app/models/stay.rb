class Stay < ApplicationRecord
  belongs_to :pet
  belongs_to :kennel, optional: true
  has_one :owner, through: :pet
  has_many :feeding_schedules, dependent: :destroy
  has_many :medication_doses, dependent: :destroy

  enum :status, {
    reserved: "reserved",
    checked_in: "checked_in",
    checked_out: "checked_out",
    cancelled: "cancelled"
  }, default: "reserved"

  validates :check_in_at, presence: true, if: -> { checked_in? || checked_out? }
  validates :check_out_at, presence: true, if: :checked_out?
  validate :check_out_after_check_in
  validate :kennel_free, if: -> { checked_in? && kennel_id_changed? }

  scope :active, -> { where(status: %w[reserved checked_in]) }
  scope :due_out_on, ->(date) { checked_in.where(expected_check_out_at: date.all_day) }
  scope :recent_first, -> { order(created_at: :desc) }

  def nights
    return 0 unless check_in_at

    [((check_out_at || Time.current) - check_in_at) / 1.day, 1].max.ceil
  end

  private

  def check_out_after_check_in
    return unless check_in_at && check_out_at
    return if check_out_at > check_in_at

    errors.add(:check_out_at, "must be after check-in")
  end

  def kennel_free
    return unless kennel
    return unless kennel.stays.checked_in.where.not(id: id).exists?

    errors.add(:kennel, "is already occupied")
  end
end
