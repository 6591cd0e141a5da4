# frozen_string_literal: true

require "ripper"

module ZeroRecord
  # Finds `scope :name, body` declarations in a model file with Ripper (Rails keeps no scope
  # bodies at runtime) and returns each scope's name, parameters, arity and body source text;
  # and the `default_scope` calls, as source text.
  # The Node static path (generator/static) reads the same facts with Prism; both must agree.
  module ScopeParser
    OPENERS = %i[on_lparen on_lbracket on_lbrace on_tlambeg on_embexpr_beg].freeze
    CLOSERS = %i[on_rparen on_rbracket on_rbrace on_embexpr_end].freeze
    BLOCK_KEYWORDS = %w[do begin def class module case for].freeze
    CONDITIONAL_KEYWORDS = %w[if unless while until].freeze
    SKIPPED = %i[on_sp on_ignored_nl on_nl on_comment on_words_sep].freeze

    module_function

    # @return [Array<Hash>] one entry per scope, in file order
    def scopes_in(source)
      tokens = Ripper.lex(source)
      offsets = line_offsets(source)
      tokens.each_with_index.filter_map do |token, index|
        next unless macro_call?(tokens, index, "scope")

        describe_scope(source, tokens, index, offsets)
      end
    end

    # @return [Array<Hash>] one entry per `default_scope` call, in file order: its first and last lines and its source
    def default_scopes_in(source)
      tokens = Ripper.lex(source)
      offsets = line_offsets(source)
      tokens.each_index.filter_map do |index|
        next unless macro_call?(tokens, index, "default_scope")

        cursor = index + 1
        cursor += 1 while tokens[cursor] && SKIPPED.include?(tokens[cursor][1])
        last = last_token_of_expression(tokens, cursor)
        next unless last

        start = offset(offsets, tokens[index][0])
        finish = offset(offsets, last[0]) + last[2].bytesize
        text = source.byteslice(start, finish - start).force_encoding(source.encoding)
        { "line" => tokens[index][0][0], "last_line" => last[0][0], "source" => text }
      end
    end

    def macro_call?(tokens, index, name)
      (_pos, type, text, state) = tokens[index]
      return false unless type == :on_ident && text == name
      return false unless state.to_i.anybits?(Ripper::EXPR_CMDARG | Ripper::EXPR_ARG)

      previous = tokens[0...index].reverse.find { |t| !%i[on_sp].include?(t[1]) }
      previous.nil? || %i[on_nl on_ignored_nl on_semicolon on_comment].include?(previous[1])
    end

    def describe_scope(source, tokens, index, offsets)
      line = tokens[index][0][0]
      cursor = index + 1
      parenthesised = tokens[cursor] && tokens[cursor][1] == :on_lparen
      cursor += 1 if parenthesised
      cursor += 1 while tokens[cursor] && SKIPPED.include?(tokens[cursor][1])
      name_start = cursor
      cursor += 1 until tokens[cursor].nil? || tokens[cursor][1] == :on_comma
      return nil if tokens[cursor].nil?

      name = scope_name(tokens[name_start...cursor])
      cursor += 1
      cursor += 1 while tokens[cursor] && SKIPPED.include?(tokens[cursor][1])
      first = tokens[cursor]
      last = last_token_of_expression(tokens, cursor)
      return nil if name.nil? || first.nil? || last.nil?

      start = offset(offsets, first[0])
      finish = offset(offsets, last[0]) + last[2].bytesize
      body = source.byteslice(start, finish - start).force_encoding(source.encoding)
      params = lambda_params(body)
      { "name" => name, "line" => line, "source" => body, "params" => params, "arity" => arity(params) }
    end

    def scope_name(tokens)
      significant = tokens.reject { |t| SKIPPED.include?(t[1]) || %i[on_symbeg on_tstring_beg on_tstring_end].include?(t[1]) }
      return nil unless significant.length == 1

      significant.first[2]
    end

    # Walks forward from the body's first token to its last, counting brackets and block keywords.
    def last_token_of_expression(tokens, cursor)
      depth = 0
      last = nil
      while (token = tokens[cursor])
        type = token[1]
        text = token[2]
        if depth.zero? && (%i[on_nl on_semicolon on_comma on_comment].include?(type) || (CLOSERS.include?(type)) || (type == :on_kw && text == "end"))
          break
        end

        if OPENERS.include?(type) || (type == :on_kw && BLOCK_KEYWORDS.include?(text)) ||
           (type == :on_kw && CONDITIONAL_KEYWORDS.include?(text) && !token[3].to_i.anybits?(Ripper::EXPR_LABEL))
          depth += 1
        elsif CLOSERS.include?(type) || (type == :on_kw && text == "end")
          depth -= 1
        end
        last = token unless SKIPPED.include?(type)
        cursor += 1
      end
      last
    end

    # Parameters of a `-> (a, b = 1) { }` / `lambda { |a| }` body; [] for anything else.
    def lambda_params(body)
      tree = Ripper.sexp(body)
      return [] unless tree

      node = tree.dig(1, 0)
      params =
        case node&.first
        when :lambda
          p = node[1]
          p = p[1] if p&.first == :paren
          p
        when :method_add_block
          block = node[2]
          block_var = block && block[1]
          block_var && block_var[1]
        end
      params_from(params, body)
    end

    def params_from(params, body)
      return [] unless params.is_a?(Array) && params.first == :params

      (_tag, required, optional, rest, post, keywords, keyrest, block) = params
      result = []
      Array(required).each { |r| result << { "name" => r[1], "kind" => "req" } if r.first == :@ident }
      Array(optional).each do |(ident, default)|
        result << { "name" => ident[1], "kind" => "opt", "default" => source_of(default, body) }
      end
      result << { "name" => rest[1]&.[](1), "kind" => "rest" } if rest.is_a?(Array) && rest.first == :rest_param
      Array(post).each { |r| result << { "name" => r[1], "kind" => "req" } if r.first == :@ident }
      Array(keywords).each do |(label, default)|
        name = label[1].delete_suffix(":")
        result << (default ? { "name" => name, "kind" => "key", "default" => source_of(default, body) } : { "name" => name, "kind" => "keyreq" })
      end
      result << { "name" => keyrest[1]&.[](1), "kind" => "keyrest" } if keyrest.is_a?(Array) && keyrest.first == :kwrest_param
      result << { "name" => block[1]&.[](1), "kind" => "block" } if block.is_a?(Array) && block.first == :blockarg
      result
    end

    # Source text of a default value: the literal tokens Ripper saw (simple literals only).
    def source_of(node, body)
      positions = []
      collect_positions(node, positions)
      return nil if positions.empty?

      offsets = line_offsets(body)
      (line, column, text) = positions.max_by { |(l, c, _)| [l, c] }
      (first_line, first_column) = positions.min_by { |(l, c, _)| [l, c] }
      start = offset(offsets, [first_line, first_column])
      finish = offset(offsets, [line, column]) + text.bytesize
      source = body.byteslice(start, finish - start)
      # A string literal's token is its content: take the quotes along.
      source = body.byteslice(start - 1, finish - start + 2) if node.first == :string_literal
      source
    end

    def collect_positions(node, positions)
      return unless node.is_a?(Array)

      if node.first.is_a?(Symbol) && node.first.to_s.start_with?("@") && node[2].is_a?(Array)
        positions << [node[2][0], node[2][1], node[1]]
      else
        node.each { |child| collect_positions(child, positions) }
      end
    end

    # Ruby's Proc#arity for a lambda with these parameters.
    def arity(params)
      required = params.count { |p| p["kind"] == "req" }
      optional = params.any? { |p| %w[opt rest].include?(p["kind"]) }
      required += 1 if params.any? { |p| p["kind"] == "keyreq" }
      optional ? -(required + 1) : required
    end

    def line_offsets(source)
      offsets = [0, 0]
      source.each_line { |l| offsets << offsets.last + l.bytesize }
      offsets
    end

    def offset(offsets, (line, column))
      offsets[line] + column
    end
  end
end
