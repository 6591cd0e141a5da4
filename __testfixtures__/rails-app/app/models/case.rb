# Hostile names on purpose: the singular `case`, columns `class`, `function`,
# `__proto__`, scopes named `import` and `then`, a message with quotes and a comment closer.
class Case < ApplicationRecord
  validates :class, presence: { message: "can't be */ \"blank\" ${x} `y`" }
  validates :kind, length: { maximum: 20 }

  scope :import, -> {
    # imports */ with 'single' and "double" quotes
    where(kind: "import")
  }
  scope :then, -> { where(kind: "then") }
  scope :default, -> { where(kind: "default").where.not(function: nil) }
end
