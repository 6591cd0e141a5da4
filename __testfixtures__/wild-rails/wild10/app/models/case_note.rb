class CaseNote < ApplicationRecord
  # No belongs_to :case here: the app's Zero schema gives case_notes no relationship
  # (it reads them from the case side, Case#notes). The foreign key keeps case_id honest.

  validates :case_id, :author, :body, presence: true
  validates :body, length: { maximum: 4000 }

  scope :newest_first, -> { order(created_at: :desc) }
end
