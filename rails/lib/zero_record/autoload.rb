# frozen_string_literal: true

require "active_support/core_ext/string/inflections"

module ZeroRecord
  # Finds a missing constant's file as Rails' autoloader would, for the standalone describer (no Rails boot, so no
  # Zeitwerk): `Billing::Invoice` is billing/invoice.rb under one of the app's autoload roots (app/*, app/*/concerns),
  # and a directory with no file of its own is a module (Zeitwerk's implicit namespace). So model files load in any
  # order: an STI subclass before its parent, a namespaced class without its module's file, a validator in a later file.
  module Autoload
    # Rails' autoload roots: every app/ folder but those holding no Ruby constants, and their concerns/ folders.
    NOT_ROOTS = %w[assets javascript views].freeze

    module_function

    # Answers missing constants from the app at `root` from now on (for every module: const_missing is a Module method).
    def install(root)
      @roots = Dir[File.join(root, "app", "{*,*/concerns}")].select { |dir| File.directory?(dir) && !NOT_ROOTS.include?(File.basename(dir)) }
      Module.prepend(ConstMissing) unless Module <= ConstMissing
    end

    # The constant `name` as seen from `namespace`, loaded from its file or made a module from its folder; nil when the
    # app has neither. Like Ruby's lexical lookup, the namespace's parents are tried outward to the top level.
    def resolve(namespace, name)
      parents = namespace.equal?(Object) || namespace.name.nil? ? [] : namespace.name.split("::")
      parents.length.downto(0) do |depth|
        owner = depth.zero? ? Object : parents.first(depth).join("::").constantize
        path = "#{owner.equal?(Object) ? '' : "#{owner.name.underscore}/"}#{name.to_s.underscore}"
        file = @roots.map { |dir| File.join(dir, "#{path}.rb") }.find { |f| File.file?(f) }
        require file if file
        return owner.const_get(name, false) if owner.const_defined?(name, false)
        # A root inside another (app/models/concerns) is no namespace, as in Rails.
        next if file || @roots.none? { |dir| File.directory?(File.join(dir, path)) && !@roots.include?(File.join(dir, path)) }

        return owner.const_set(name, Module.new)
      end
      nil
    end

    # Module#const_missing, which Ruby calls with the innermost namespace of a failed lookup.
    module ConstMissing
      def const_missing(name)
        ZeroRecord::Autoload.resolve(self, name) || super
      end
    end
  end
end
