# frozen_string_literal: true

# The example stack's tables (examples/stack/schema.sql) as Rails models, with what only Rails knows:
# a uniqueness rule, a normalizing callback, a callback that can raise.
class ApplicationRecord < ActiveRecord::Base
  self.abstract_class = true
end

class Client < ApplicationRecord
  has_many :jobs
  validates :name, presence: true
  validates :email, uniqueness: true, allow_nil: true
  before_save { self.email = email.strip.downcase if email }
end

class Job < ApplicationRecord
  belongs_to :client, optional: true
  has_many :tasks, dependent: :destroy
  validates :title, presence: true
end

class Task < ApplicationRecord
  belongs_to :job
  before_save { raise ArgumentError, "tasks cannot be titled #{title.inspect}" if title == "explode" }
end
