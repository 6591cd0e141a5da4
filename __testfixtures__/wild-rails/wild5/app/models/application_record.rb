class ApplicationRecord < ActiveRecord::Base
  primary_abstract_class

  # String UUID primary keys, generated client-side by Zero or here for
  # records created from the console / jobs.
  before_create { self.id ||= SecureRandom.uuid }
end
