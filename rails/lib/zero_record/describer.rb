# frozen_string_literal: true

require "pathname"
require_relative "scope_parser"

module ZeroRecord
  # Describes loaded Active Record models as a JSON-ready Hash (the contract the TypeScript
  # generator reads; generator/static produces the same Hash from source files alone).
  # Needs only `active_record` loaded and the models defined: no Rails application.
  module Describer
    FORMAT_VERSION = 2 # 2: enums carry their options

    module_function

    # @param root [String, Pathname] the app root; only models defined under root/app/models are described
    # @param models [Array<Class>] defaults to every loaded ActiveRecord::Base descendant
    def describe(root:, models: ActiveRecord::Base.descendants)
      root = Pathname(root).expand_path
      described = []
      skipped = []
      candidates(models, root).each do |model|
        file = model_file(model, root)
        reason = skip_reason(model)
        if reason
          skipped << { "class_name" => model.name, "file" => file, "reason" => reason }
        else
          described << describe_model(model, root, file)
        end
      end
      { "version" => FORMAT_VERSION, "models" => described, "skipped" => skipped }
    end

    # The models `describe` describes (not those it skips): the ones the generated TypeScript has, and whose
    # mutators the push endpoint serves (ZeroRecord::Push::Configuration#served_models).
    def described_models(root:, models: ActiveRecord::Base.descendants)
      root = Pathname(root).expand_path
      candidates(models, root).reject { |model| skip_reason(model) }
    end

    def candidates(models, root)
      models.select { |m| m.name && model_file(m, root) }.sort_by(&:name)
    end

    def model_file(model, root)
      path = Object.const_source_location(model.name)&.first
      return nil unless path

      relative = Pathname(path).expand_path.relative_path_from(root).to_s
      relative.start_with?("app/models/") ? relative : nil
    end

    def skip_reason(model)
      return "abstract" if model.abstract_class?
      return "missing_table" unless model.table_exists?

      nil
    end

    def describe_model(model, root, file)
      described = {
        "class_name" => model.name,
        "table" => model.table_name,
        "primary_key" => model.primary_key,
        "file" => file,
        "columns" => model.columns.map { |column| describe_column(model, column) },
        "enums" => model.defined_enums.map { |name, values| describe_enum(model, name, values) },
        "associations" => model.reflect_on_all_associations.map { |reflection| describe_association(model, reflection) },
        "validations" => describe_validations(model),
        "scopes" => describe_scopes(model, root, file),
        "default_scopes" => describe_default_scopes(model, root),
      }
      described["inheritance"] = describe_inheritance(model) unless model.base_class == model
      described
    end

    # The scopes of the model's file, after those of the single-table-inheritance classes it descends from (Rails
    # defines a scope on its class, for the subclasses too): one declared again replaces the inherited one in place;
    # one read from another file names it.
    def describe_scopes(model, root, file)
      chain = [model]
      chain.unshift(chain.first.superclass) until chain.first == model.base_class
      chain.each_with_object([]) do |klass, scopes|
        path = model_file(klass, root)
        next unless path

        ScopeParser.scopes_in(File.read(root.join(path))).each do |scope|
          scope = scope.merge("file" => path) unless path == file
          at = scopes.index { |s| s["name"] == scope["name"] }
          at ? scopes[at] = scope : scopes << scope
        end
      end
    end

    # A single-table-inheritance subclass: its base class, and the type condition Rails reads it with (its sti_name and
    # its descendants'); none where the table has no type column (Rails then reads every row for it).
    def describe_inheritance(model)
      sti = model.finder_needs_type_condition?
      {
        "base_class" => model.base_class.name,
        "column" => sti ? model.inheritance_column.to_s : nil,
        "types" => sti ? [model.sti_name, *model.descendants.map(&:sti_name).sort] : [],
      }
    end

    # Rails' default scopes of the model in the order it applies them (a parent class's first, a concern's where it is
    # included). Rails keeps their blocks, not their source: each is the `default_scope` call spanning its block's line
    # in the file the block is in. One outside the app, or not a block, is listed without its source.
    def describe_default_scopes(model, root)
      model.default_scopes.map do |entry|
        block = entry.respond_to?(:scope) ? entry.scope : entry # Rails 7.1 wraps each in a DefaultScope
        path, line = block.respond_to?(:source_location) ? block.source_location : nil
        file = path && Pathname(path).expand_path.relative_path_from(root).to_s
        next { "file" => nil, "line" => nil, "source" => nil } if file.nil? || file.start_with?("../") || !File.file?(root.join(file))

        found = ScopeParser.default_scopes_in(File.read(root.join(file))).find { |d| (d["line"]..d["last_line"]).cover?(line) }
        { "file" => file, "line" => found ? found["line"] : line, "source" => found && found["source"] }
      end
    end

    # Rails keeps no enum's options, only the methods they named: `[prefix_]label[_suffix]?` and `!` (unless
    # instance_methods: false) and the scopes `[prefix_]label[_suffix]` / `not_...` (unless scopes: false). The
    # predicate that answers for this enum's first label and for no other one, else the scope with a `not_` twin,
    # names the first label's methods; the split of that name that names the second label's too gives the affixes.
    def describe_enum(model, name, values)
      labels = values.keys.map { |label| friendly_label(label) }
      label = values.keys.first.to_s
      other = values.keys.map(&:to_s).find { |l| l != label }
      predicate = model.public_instance_methods.map(&:to_s).select { |m| m.end_with?("?") && m.include?(labels.first) }
        .map { |m| m.chomp("?") }.find { |candidate| answers?(model, name, label, other, candidate) }
      scope = model.singleton_methods.map(&:to_s)
        .find { |m| m.include?(labels.first) && !m.start_with?("not_") && model.respond_to?("not_#{m}") && affixes(model, m, labels) }
      base = predicate || scope
      prefix, suffix = base && affixes(model, base, labels) || [nil, nil]
      {
        "name" => name,
        "values" => values.to_h { |k, v| [k.to_s, json_value(v)] },
        "prefix" => prefix,
        "suffix" => suffix,
        "scopes" => !base.nil? && model.respond_to?(base) && model.respond_to?("not_#{base}"),
        "instance_methods" => !base.nil? && model.method_defined?("#{base}?") && model.method_defined?("#{base}!"),
        # Rails 7.1+ (`validate:`): the enum's type is told not to raise; its validator is among the model's own.
        "validate" => model.attribute_types[name.to_s].instance_variable_get(:@raise_on_invalid_values) == false,
      }
    end

    # Rails' method_friendly_label.
    def friendly_label(label)
      label.to_s.gsub(/[\W&&[:ascii:]]+/, "_")
    end

    # Whether `candidate?` answers true for a record holding `label` and not for one holding `other`.
    def answers?(model, name, label, other, candidate)
      probe(model, name, label, candidate) == true && (other.nil? || probe(model, name, other, candidate) != true)
    end

    # `candidate?` of a new record holding `label`; nil when making or asking it raises (an app's after_initialize may).
    def probe(model, name, label, candidate)
      model.new(name => label).public_send("#{candidate}?")
    rescue StandardError
      nil
    end

    # `status_draft_x` around `draft` -> ["status", "x"]: the split where what is left and right are `word_` / `_word`,
    # and which names the enum's other labels' methods the same way (`status_status` of `prefix: true` is not a suffix).
    def affixes(model, base, labels)
      first = labels.first
      (0..base.length - first.length).each do |at|
        next unless base[at, first.length] == first

        before = base[0, at]
        after = base[(at + first.length)..]
        next unless (before.empty? || before.end_with?("_")) && (after.empty? || after.start_with?("_"))
        next unless labels.all? { |l| model.method_defined?("#{before}#{l}#{after}?") || model.respond_to?("#{before}#{l}#{after}") }

        return [before.empty? ? nil : before.chomp("_"), after.empty? ? nil : after.delete_prefix("_")]
      end
      nil
    end

    def describe_column(model, column)
      cast_type = model.connection.lookup_cast_type_from_column(column)
      default, default_function = column_default(model, column, cast_type)
      {
        "name" => column.name,
        "type" => column_type(column),
        "null" => column.null,
        "default" => default,
        "default_function" => default_function,
        "array" => column.respond_to?(:array) ? (column.array ? true : false) : false,
      }
    end

    # The default a new record starts with: the model's own where it sets one (an enum's `default:`, `attribute :x,
    # default:`), as the column stores it; else the column's. A block computes its default per record: named, not run.
    # Active Record's abstract type. An adapter that has none for a column (SQLite for a schema.rb `uuid` or `jsonb`,
    # as the standalone describer loads a PostgreSQL app's schema) gives nil: its declared SQL type is then the type.
    def column_type(column)
      return column.type.to_s if column.type
      column.sql_type.to_s.downcase[/\A[a-z]+/].to_s
    end

    def column_default(model, column, cast_type)
      attribute = model._default_attributes[column.name]
      if attribute.is_a?(ActiveModel::Attribute::UserProvidedDefault)
        provided = attribute.instance_variable_get(:@user_provided_value)
        return [nil, "a block in #{model.name} (attribute default)"] if provided.is_a?(Proc)

        stored = model.type_for_attribute(column.name).serialize(attribute.value)
        return [json_value(stored.nil? ? nil : cast_type.deserialize(stored)), nil]
      end
      [json_value(column.default.nil? ? nil : cast_type.deserialize(column.default)), column.default_function]
    end

    def describe_association(model, reflection)
      through = reflection.options[:through]
      {
        "name" => reflection.name.to_s,
        "macro" => reflection.macro.to_s,
        "class_name" => association_class_name(reflection),
        "foreign_key" => through ? nil : reflection.foreign_key.to_s,
        "primary_key" => through ? nil : association_primary_key(model, reflection),
        "through" => through&.to_s,
        "source" => through ? safe { reflection.source_reflection&.name&.to_s } : nil,
        "as" => reflection.options[:as]&.to_s,
        "polymorphic" => reflection.polymorphic? ? true : false,
        "optional" => reflection.options.key?(:optional) ? reflection.options[:optional] : nil,
        "dependent" => reflection.options[:dependent]&.to_s,
        "counter_cache" => counter_cache_column(reflection),
        "touch" => touch_option(reflection.options[:touch]),
        "scoped" => !reflection.scope.nil?,
      }
    end

    # The parent's column a belongs_to's `counter_cache:` keeps (`comments_count`), as Rails names it; nil without one.
    # Rails 7.2 reads its hash form (`{ column: :tally }`, `{ active: false }`) too; an older Rails takes the hash's text
    # for the name, which the report then says the parent has no column of.
    def counter_cache_column(reflection)
      return nil unless reflection.belongs_to? && reflection.options[:counter_cache]

      reflection.counter_cache_column&.to_s
    end

    # `touch: true` or the column it names; nil without one.
    def touch_option(touch)
      return nil unless touch
      return true if touch == true

      touch.to_s
    end

    def association_class_name(reflection)
      return nil if reflection.polymorphic?
      return reflection.class_name.to_s if reflection.options[:class_name] || !reflection.options[:through]

      safe { reflection.source_reflection&.class_name&.to_s }
    end

    def association_primary_key(model, reflection)
      return reflection.options[:primary_key].to_s if reflection.options[:primary_key]
      return model.primary_key if reflection.macro != :belongs_to
      return nil if reflection.polymorphic?

      safe { reflection.klass.primary_key } || "id"
    end

    # Validators per attribute, attributes and validators in declaration order (the order Rails
    # reports errors in). Rails' implicit `belongs_to` presence validators (message: :required) are
    # left out: they depend on app config, not on the model. Their attribute keeps its place (an empty
    # list when it has no other validator): Rails adds the validator where the belongs_to is declared.
    def describe_validations(model)
      belongs_to = model.reflect_on_all_associations(:belongs_to).map(&:name)
      model._validators.keys.compact.to_h do |attribute|
        entries = model._validators[attribute].filter_map do |validator|
          next if belongs_to.include?(attribute) && validator.options[:message] == :required

          { "kind" => validator.kind.to_s, "options" => json_value(validator.options.except(:class)) }
        end
        [attribute.to_s, entries]
      end
    end

    # Ruby values as JSON: symbols become strings, regexps and ranges tagged objects, hash keys sorted.
    def json_value(value)
      case value
      when nil, true, false, String, Integer then value
      when Float then value.finite? ? value : value.to_s
      when Symbol then value.to_s
      when Regexp then { "regexp" => value.source, "flags" => regexp_flags(value) }
      when Range then { "range" => [json_value(value.begin), json_value(value.end)], "exclude_end" => value.exclude_end? }
      when Array then value.map { |v| json_value(v) }
      when Hash then value.map { |k, v| [k.to_s, json_value(v)] }.sort_by(&:first).to_h
      when Proc, Method then { "ruby" => "proc" }
      else
        return value.to_s("F") if defined?(BigDecimal) && value.is_a?(BigDecimal)
        return value.iso8601 if value.respond_to?(:iso8601)

        { "ruby" => value.class.name }
      end
    end

    def regexp_flags(regexp)
      flags = +""
      flags << "i" if regexp.options.anybits?(Regexp::IGNORECASE)
      flags << "m" if regexp.options.anybits?(Regexp::MULTILINE)
      flags << "x" if regexp.options.anybits?(Regexp::EXTENDED)
      flags
    end

    def safe
      yield
    rescue NameError, ArgumentError, ActiveRecord::ActiveRecordError
      nil
    end
  end
end
