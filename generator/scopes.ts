/**
 * Rails scope bodies -> scope functions over the runtime's Relation. Only bodies whose meaning is certain are translated
 * (`where` hashes, also on joined tables, `where.not` / `.associated` / `.missing`, `joins`, `order`, `limit`, `offset`,
 * `none`, `includes`, `distinct`, chains of these, lambda parameters); everything else becomes a scope the app
 * implements by hand, with the reason.
 */
import {
  ArrayNode,
  BlockNode,
  CallNode,
  FalseNode,
  FloatNode,
  HashNode,
  ImplicitNode,
  IntegerNode,
  KeywordHashNode,
  AssocNode,
  LambdaNode,
  LocalVariableReadNode,
  NilNode,
  RangeNode,
  StatementsNode,
  StringNode,
  SymbolNode,
  TrueNode,
  type Node,
} from '@ruby/prism/src/nodes.js';
import { singularize } from '../runtime/core/inflect.ts';
import { tsMethodName } from '../runtime/core/ruby-names.ts';
import { relationMember } from './member-names.ts';
import type { DefaultScopeDescription, ModelDescription, ScopeDescription } from './description.ts';
import { isIdentifier, key, paramName, str } from './names.ts';
import { parseRuby } from './static/ruby-ast.ts';

/** `name` is the scope's TypeScript name (Rails' `active?` is `active_p`: runtime/core/ruby-names.ts). */
export type ScopePlan =
  | { kind: 'generated'; scope: ScopeDescription; name: string; code: string }
  /** `from`: the generated STI parent whose scopes file implements it (it declares it), when not this model's own. */
  | { kind: 'custom'; scope: ScopeDescription; name: string; reason: string; from?: string }
  | { kind: 'skipped'; scope: ScopeDescription; name: string; reason: string };

export interface ScopeContext {
  model: ModelDescription;
  /** Column name -> TypeScript value type (`never` for columns a scope cannot compare, like json). */
  valueTypes: ReadonlyMap<string, string>;
  /**
   * The relationships the model config declares, each with the context of the model it reaches (for `joins`, `includes`
   * and conditions on a joined table, whose values are typed from that table's columns).
   */
  relationships: ReadonlyMap<string, ScopeContext>;
}

class Untranslatable extends Error {}
const fail = (reason: string): never => {
  throw new Untranslatable(reason);
};

/** Decides what becomes of one scope. */
export async function planScope(scope: ScopeDescription, ctx: ScopeContext): Promise<ScopePlan> {
  const name = /^\w+[!?]$/.test(scope.name) ? tsMethodName(scope.name) : scope.name;
  if (!isIdentifier(name)) return { kind: 'skipped', scope, name, reason: `'${scope.name}' is not a valid JavaScript method name` };
  // A scope beside a column of the same name is fine: scopes live on relations and models, columns on records.
  const owner = relationMember(name);
  if (owner) return { kind: 'skipped', scope, name, reason: `'${name}' clashes with the member '${name}' of ${owner}; rename the Rails scope` };
  try {
    return { kind: 'generated', scope, name, code: await translate(scope, ctx) };
  } catch (error) {
    if (error instanceof Untranslatable) return { kind: 'custom', scope, name, reason: error.message };
    throw error;
  }
}

async function translate(scope: ScopeDescription, ctx: ScopeContext): Promise<string> {
  const src = await parseRuby(`${ctx.model.file} scope :${scope.name}`, scope.source);
  const [root] = src.program.statements.body;
  const statement = singleStatement(lambdaBody(root ?? null) ?? fail('the scope body is not a lambda'));

  const params = new Map<string, { ts: string; type: string | undefined; default?: string }>();
  for (const param of scope.params) {
    if (param.kind !== 'req' && param.kind !== 'opt') fail(`parameter kind '${param.kind}' is not supported`);
    params.set(param.name!, { ts: paramName(param.name, 'r'), type: undefined, ...(param.kind === 'opt' && { default: await literal(param.default ?? '') }) });
  }
  const t = new Translator(ctx, params);
  const expression = t.relation(statement);
  const signature = ['r', ...[...params.values()].map((p) => `${p.ts}: ${p.type ?? 'unknown'}${p.default !== undefined ? ` = ${p.default}` : ''}`)];
  return `(${signature.join(', ')}) => ${expression}`;
}

/** The body of `-> { }`, `lambda { }` or `proc { }`; null for anything else. */
function lambdaBody(node: Node | null): Node | null {
  if (node instanceof LambdaNode) return node.body;
  if (node instanceof CallNode && (node.name === 'lambda' || node.name === 'proc') && node.block instanceof BlockNode) return node.block.body;
  return null;
}

/** A scope body's one statement: the relation it returns. */
function singleStatement(body: Node | null): Node {
  const statements = body instanceof StatementsNode ? body.body : [];
  if (statements.length !== 1) fail(statements.length === 0 ? 'the scope body is empty' : 'the scope body has several statements');
  return statements[0]!;
}

export type DefaultScopePlan = { kind: 'generated'; code: string } | { kind: 'noted'; reason: string };

/**
 * Rails' default scopes of a model as the config's one `defaultScope`: each applied to the relation the one before
 * returns, in Rails' order (it instance_execs each on the last one's relation). All or none: a default scope that does
 * not translate leaves the whole of it out, with the reason, as half of one would show rows Rails hides all the same.
 */
export async function planDefaultScope(scopes: readonly DefaultScopeDescription[], ctx: ScopeContext): Promise<DefaultScopePlan | null> {
  if (scopes.length === 0) return null;
  let expression = 'r';
  for (const scope of scopes) {
    const where = scope.file === null ? 'outside the app' : `${scope.file}:${scope.line ?? '?'}`;
    try {
      expression = await translateDefaultScope(scope.source ?? fail('its source could not be read'), expression, ctx);
    } catch (error) {
      if (error instanceof Untranslatable) return { kind: 'noted', reason: `the one at ${where}: ${error.message}` };
      throw error;
    }
  }
  return { kind: 'generated', code: `(r) => ${expression}` };
}

/** One `default_scope { ... }` / `default_scope -> { ... }` applied to `base`, as a relation expression. */
async function translateDefaultScope(source: string, base: string, ctx: ScopeContext): Promise<string> {
  const src = await parseRuby(`${ctx.model.file} default_scope`, source);
  const [call] = src.program.statements.body;
  if (!(call instanceof CallNode) || call.name !== 'default_scope') return fail('not a default_scope call');
  const args = call.arguments_?.arguments_ ?? [];
  // Rails 7.1's `all_queries: true` applies it to the record's own updates and deletes, which the runtime reads unscoped.
  if (args.some((arg) => arg instanceof KeywordHashNode)) return fail('default_scope with options (all_queries: applies it to the writes of a record too)');
  let body: Node | null;
  if (call.block instanceof BlockNode) {
    if (args.length > 0 || call.block.parameters) return fail('default_scope with a block and arguments');
    body = call.block.body;
  } else {
    if (args.length !== 1) return fail('default_scope without a block or a lambda');
    const [lambda] = args;
    body = lambdaBody(lambda!) ?? fail('default_scope with an object that is not a lambda');
    const params = lambda instanceof LambdaNode ? lambda.parameters : lambda instanceof CallNode && lambda.block instanceof BlockNode ? lambda.block.parameters : null;
    if (params) return fail('default_scope with parameters');
  }
  return new Translator(ctx, new Map(), base).relation(singleStatement(body));
}

/** A literal default value (`5`, `"x"`, `nil`) as TypeScript. */
async function literal(source: string): Promise<string> {
  const src = await parseRuby('default value', source);
  const [node] = src.program.statements.body;
  if (node instanceof IntegerNode || node instanceof FloatNode) return String(Number(node.value));
  if (node instanceof StringNode || node instanceof SymbolNode) return str(node.unescaped.value);
  if (node instanceof TrueNode) return 'true';
  if (node instanceof FalseNode) return 'false';
  if (node instanceof NilNode) return 'null';
  return fail(`the default value ${source} is not a literal`);
}

/** Why a `where("...")` stays by hand, with what the usual one (a LIKE search) becomes. */
const SQL_STRING = 'where with a SQL string (a LIKE / ILIKE search is where({ column: { matches: pattern } }))';

class Translator {
  constructor(
    private readonly ctx: ScopeContext,
    private readonly params: Map<string, { ts: string; type: string | undefined }>,
    /** The relation a chain starts from: `r`, or a default scope's relation before this one's. */
    private readonly root = 'r',
  ) {}

  /** A relation-valued expression: `r` followed by chained calls. */
  relation(node: Node): string {
    if (!(node instanceof CallNode)) return fail('the scope body is not a chain of query methods');
    if (node.block) return fail(`${node.name} with a block`);
    // `where.not(...)`, `where.associated(...)`, `where.missing(...)`: methods of the chain a bare `where` opens.
    if (node.receiver instanceof CallNode && node.receiver.name === 'where' && !node.receiver.arguments_) {
      const base = this.base(node.receiver);
      switch (node.name) {
        case 'not':
          return `${base}.not(${this.hash(this.single(node, 'where.not'), 'where.not', this.ctx)})`;
        case 'associated':
        case 'missing':
          return `${base}.where_${node.name}(${this.relationshipNames(node, `where.${node.name}`)})`;
        default:
          return fail(`where.${node.name} is not translated`);
      }
    }
    const base = this.base(node);
    const args = node.arguments_?.arguments_ ?? [];
    switch (node.name) {
      case 'where':
        if (args.length !== 1 || !(args[0] instanceof HashNode || args[0] instanceof KeywordHashNode)) {
          return fail(args[0] instanceof StringNode || args[0] instanceof SymbolNode ? SQL_STRING : 'where without a hash of columns');
        }
        return `${base}.where(${this.hash(args[0], 'where', this.ctx)})`;
      case 'joins':
        if (args.length === 0) return fail('joins without associations');
        return `${base}.joins(${args.map((arg) => this.join(arg, this.ctx)).join(', ')})`;
      case 'left_joins':
      case 'left_outer_joins':
        if (args.some((arg) => !(arg instanceof SymbolNode || arg instanceof StringNode))) return fail(`${node.name} of a nested association (the runtime left-joins relationships by name)`);
        return `${base}.${node.name}(${this.relationshipNames(node, node.name)})`;
      case 'order':
      case 'reorder':
        return `${base}.${node.name}(${this.order(args)})`;
      case 'limit':
      case 'offset':
        return `${base}.${node.name}(${this.count(this.single(node, node.name))})`;
      case 'all':
        return args.length === 0 ? base : fail('all with arguments');
      case 'none':
        return args.length === 0 ? `${base}.none()` : fail('none with arguments');
      case 'distinct':
        return args.length === 0 ? `${base}.distinct()` : fail('distinct with arguments');
      case 'includes':
      case 'preload':
        return args.reduce((chain, arg) => `${chain}.includes(${str(this.association(arg, node.name))})`, base);
      case 'merge':
        return fail('merge(...) is not translated (conditions on a joined table are where(association: { column: value }))');
      default:
        return fail(node.receiver || this.ctx.model.scopes.every((s) => s.name !== node.name) ? `${node.name}(...) is not translated` : `calls the scope '${node.name}'`);
    }
  }

  private base(node: CallNode): string {
    if (node.receiver === null) return this.root;
    return node.receiver instanceof CallNode ? this.relation(node.receiver) : fail(`calls ${node.name} on something other than the relation`);
  }

  private single(node: CallNode, what: string): Node {
    const args = node.arguments_?.arguments_ ?? [];
    return args.length === 1 ? args[0]! : fail(`${what} with ${args.length} arguments`);
  }

  /**
   * A where hash of `ctx`'s model: its columns, and a nested hash per joined table (Rails' `where(clients: { name: "x" })`).
   * `joined`: the hash is a joined table's conditions, not the scope's model's own.
   */
  private hash(node: Node, what: string, ctx: ScopeContext, joined = false): string {
    if (!(node instanceof HashNode || node instanceof KeywordHashNode)) return fail(`${what} without a hash of columns`);
    const relationships = new Set<string>();
    const entries = node.elements.map((element) => {
      if (!(element instanceof AssocNode) || !(element.key instanceof SymbolNode || element.key instanceof StringNode)) {
        return fail(`${what} with a computed key`);
      }
      const name = element.key.unescaped.value;
      const valueType = ctx.valueTypes.get(name);
      // As Rails' predicate builder: a column first, else a hash is the conditions on a joined table.
      if (valueType === undefined && element.value instanceof HashNode && !ctx.model.columns.some((c) => c.name === name)) {
        const { relationship, target, own } = this.keyed(name, ctx, what, joined);
        // Rails ANDs `client: {...}, clients: {...}`; one object cannot hold the key twice.
        if (relationships.has(relationship)) return fail(`${what} names the relationship '${relationship}' twice`);
        relationships.add(relationship);
        return `${key(relationship)}: ${this.hash(element.value, what, target, joined || !own)}`;
      }
      if (valueType === undefined) return fail(`'${name}' is not a column of ${ctx.model.table} in the Zero schema`);
      if (valueType === 'never') return fail(`'${name}' cannot be compared in a where`);
      return `${key(name)}: ${this.value(element.value, name, valueType, ctx)}`;
    });
    return `{ ${entries.join(', ')} }`;
  }

  /**
   * The relationship a where hash's key names, read as Rails' predicate builder reads it: the association, its singular,
   * the model's own table (its own columns, `own`), or the table it reaches (when one relationship does). Emitted by its
   * name, so the runtime reads it the same way.
   */
  private keyed(name: string, ctx: ScopeContext, what: string, joined: boolean): { relationship: string; target: ScopeContext; own: boolean } {
    for (const candidate of [name, singularize(name)]) {
      const target = ctx.relationships.get(candidate);
      if (target) return { relationship: candidate, target, own: false };
      if (ctx.model.associations.some((a) => a.name === candidate)) return fail(noRelationship(candidate, ctx));
    }
    if (name === ctx.model.table) {
      if (!joined) return { relationship: name, target: ctx, own: true };
      // Rails reads it so only under a key that is the table's name: under `client: { ... }` it aliases the join
      // `client`, and `clients` names no joined table (an SQL error). Said rather than carried.
      return fail(`${what}(...: { ${name}: { ... } }) names ${ctx.model.class_name}'s own table inside its conditions: write its columns without it`);
    }
    const reaching = [...ctx.relationships].filter(([, target]) => target.model.table === name);
    if (reaching.length === 1) return { relationship: reaching[0]![0], target: reaching[0]![1], own: false };
    return fail(
      reaching.length > 1
        ? `'${name}' is the table of several relationships of ${ctx.model.class_name} (${reaching.map(([n]) => n).join(', ')}): name the association`
        : `'${name}' is neither a column of ${ctx.model.table} nor a relationship of ${ctx.model.class_name} (or the table of one); a table joined further is nested under the association that reaches it`,
    );
  }

  /** A `joins` argument in the runtime's shape: names, lists of them, `{ name: nested }` for the joined table's joins. */
  private join(node: Node, ctx: ScopeContext): string {
    if (node instanceof SymbolNode) return str(this.joined(node.unescaped.value, ctx).name);
    if (node instanceof StringNode) return fail('joins with a SQL string (Zero runs no SQL: joins(:association) names a relationship)');
    if (node instanceof ArrayNode) return `[${node.elements.map((e) => this.join(e, ctx)).join(', ')}]`;
    if (node instanceof HashNode || node instanceof KeywordHashNode) {
      const entries = node.elements.map((element) => {
        if (!(element instanceof AssocNode) || !(element.key instanceof SymbolNode || element.key instanceof StringNode)) return fail('joins with a computed key');
        const { name, target } = this.joined(element.key.unescaped.value, ctx);
        return `${key(name)}: ${this.join(element.value, target)}`;
      });
      return `{ ${entries.join(', ')} }`;
    }
    return fail('joins with an expression');
  }

  /** A relationship of `ctx`'s model by its exact name, as Rails' joins and includes take an association. */
  private joined(name: string, ctx: ScopeContext): { name: string; target: ScopeContext } {
    const target = ctx.relationships.get(name);
    return target ? { name, target } : fail(noRelationship(name, ctx));
  }

  /** `where.associated(:a, :b)`'s names, as the runtime's arguments. */
  private relationshipNames(node: CallNode, what: string): string {
    const args = node.arguments_?.arguments_ ?? [];
    if (args.length === 0) return fail(`${what} without associations`);
    return args.map((arg) => str(this.association(arg, what))).join(', ');
  }

  /** A where value for `column`: literals (enum labels mapped to stored values), arrays, ranges, parameters. */
  private value(node: Node, column: string, valueType: string, ctx: ScopeContext, inList = false): string {
    // Ruby 3.1's `where(status:)` is `where(status: status)`: a parameter's value, or a method call (not translated).
    if (node instanceof ImplicitNode) return this.value(node.value, column, valueType, ctx, inList);
    if (node instanceof NilNode) return 'null';
    if (node instanceof ArrayNode) return `[${node.elements.map((e) => this.value(e, column, valueType, ctx, true)).join(', ')}]`;
    if (node instanceof RangeNode) {
      const bounds: string[] = [];
      if (node.left) bounds.push(`gte: ${this.value(node.left, column, valueType, ctx, true)}`);
      if (node.right) bounds.push(`${node.isExcludeEnd() ? 'lt' : 'lte'}: ${this.value(node.right, column, valueType, ctx, true)}`);
      return `{ ${bounds.join(', ')} }`;
    }
    if (node instanceof LocalVariableReadNode && this.params.has(node.name)) {
      const param = this.params.get(node.name)!;
      if (/^\d/.test(valueType) && this.enumOf(column, ctx)) return fail(`the parameter '${node.name}' is compared with the integer enum '${column}' (Rails maps labels at run time)`);
      // Like Rails, `where(column: param)` takes one value or a list of them.
      param.type ??= inList ? valueType : `${valueType} | readonly ${valueType.includes('|') ? `(${valueType})` : valueType}[]`;
      return param.ts;
    }
    const enumeration = this.enumOf(column, ctx);
    if (node instanceof StringNode || node instanceof SymbolNode) {
      const text = node.unescaped.value;
      if (enumeration) {
        const stored = text in enumeration.values ? enumeration.values[text]! : Object.values(enumeration.values).includes(text) ? text : undefined;
        if (stored === undefined) return fail(`'${text}' is not a value of the enum '${column}'`);
        return typeof stored === 'number' ? String(stored) : str(stored);
      }
      if (valueType !== 'string') return fail(`'${column}' is a ${valueType} column compared with a string`);
      return str(text);
    }
    if (node instanceof IntegerNode || node instanceof FloatNode) {
      if (valueType !== 'number' && !(enumeration && /^\d/.test(valueType))) return fail(`'${column}' is a ${valueType} column compared with a number`);
      return String(Number(node.value));
    }
    if (node instanceof TrueNode || node instanceof FalseNode) {
      if (valueType !== 'boolean') return fail(`'${column}' is a ${valueType} column compared with a boolean`);
      return node instanceof TrueNode ? 'true' : 'false';
    }
    return fail(`the value for '${column}' is not a literal or a scope parameter`);
  }

  private enumOf(column: string, ctx: ScopeContext) {
    return ctx.model.enums.find((e) => e.name === column);
  }

  private order(args: Node[]): string {
    const entries: string[] = [];
    for (const arg of args) {
      if (arg instanceof SymbolNode || arg instanceof StringNode) {
        const match = /^(?:(\w+)\.)?(\w+)(?:\s+(asc|desc))?$/i.exec(arg.unescaped.value.trim());
        if (!match) return fail('order with a SQL string');
        entries.push(`${key(this.orderColumn(match[1], match[2]!))}: ${str((match[3] ?? 'asc').toLowerCase())}`);
      } else if (arg instanceof KeywordHashNode || arg instanceof HashNode) {
        for (const element of arg.elements) {
          if (!(element instanceof AssocNode) || !(element.key instanceof SymbolNode || element.key instanceof StringNode)) return fail('order with a computed key');
          const direction = element.value instanceof SymbolNode || element.value instanceof StringNode ? element.value.unescaped.value.toLowerCase() : '';
          if (direction !== 'asc' && direction !== 'desc') return fail('order with a direction other than asc / desc');
          entries.push(`${key(this.column(element.key.unescaped.value))}: ${str(direction)}`);
        }
      } else return fail('order with an expression');
    }
    if (entries.length === 0) return fail('order without columns');
    return `{ ${entries.join(', ')} }`;
  }

  /**
   * An order's column: the model's own, or `table.column` of a belongs_to or has_one it reaches (the runtime sorts by the
   * joined row's column), emitted with the relationship's name.
   */
  private orderColumn(table: string | undefined, name: string): string {
    if (table === undefined) return this.column(name);
    const { relationship, target, own } = this.keyed(table, this.ctx, 'order', false);
    if (own) return this.column(name);
    if (!['belongs_to', 'has_one'].includes(this.ctx.model.associations.find((a) => a.name === relationship)?.macro ?? '')) {
      return fail(`order by ${table}.${name}, a has_many's column (Rails repeats each row per ${relationship} row)`);
    }
    return target.valueTypes.has(name) ? `${relationship}.${name}` : fail(`'${name}' is not a column of ${target.model.table}`);
  }

  private column(name: string): string {
    return this.ctx.valueTypes.has(name) ? name : fail(`'${name}' is not a column of ${this.ctx.model.table}`);
  }

  private count(node: Node): string {
    if (node instanceof IntegerNode) return String(Number(node.value));
    if (node instanceof LocalVariableReadNode && this.params.has(node.name)) {
      const param = this.params.get(node.name)!;
      param.type ??= 'number';
      return param.ts;
    }
    return fail('limit / offset with an expression');
  }

  private association(node: Node, what: string): string {
    const name = node instanceof SymbolNode || node instanceof StringNode ? node.unescaped.value : null;
    if (name === null) return fail(`${what} with an expression`);
    return this.joined(name, this.ctx).name;
  }
}

/** Why `name` cannot be joined: no such association, or one the generated config has no relationship for. */
function noRelationship(name: string, ctx: ScopeContext): string {
  const association = ctx.model.associations.find((a) => a.name === name);
  if (!association) return `${ctx.model.class_name} has no association '${name}'`;
  return `the association '${name}' of ${ctx.model.class_name} has no Zero relationship (${association.polymorphic || association.as ? 'polymorphic' : "the report's notes say why"})`;
}
