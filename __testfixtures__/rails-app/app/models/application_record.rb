class ApplicationRecord < ActiveRecord::Base
  # Rails 7+ generates `primary_abstract_class`; Active Record 6.1 (the Ruby tier) has no such method.
  if respond_to?(:primary_abstract_class)
    primary_abstract_class
  else
    self.abstract_class = true
  end
end
