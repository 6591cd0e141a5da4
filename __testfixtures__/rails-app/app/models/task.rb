class Task < ApplicationRecord
  belongs_to :job, touch: true

  validates_presence_of :title
  validates :position, numericality: { only_integer: true, greater_than_or_equal_to: 0, less_than: 1000 }

  scope :open, -> { where(done: false) }
  scope :ordered, lambda { order(:position, created_at: :asc) }
  scope :due_before, ->(time) do
    where("due_at < ?", time)
  end
end
