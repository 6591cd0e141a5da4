/**
 * Reads a model file (`app/models/job.rb`) into the facts the describer gets from a live class:
 * associations, enums, validators and scopes, declared in the class body.
 */
import {
  ArrayNode,
  AssocNode,
  ConstantReadNode,
  HashNode,
  KeywordHashNode,
  BlockNode,
  BlockParametersNode,
  CallNode,
  ClassNode,
  ConstantWriteNode,
  ElseNode,
  IfNode,
  LambdaNode,
  ModuleNode,
  OptionalKeywordParameterNode,
  OptionalParameterNode,
  ParametersNode,
  RequiredKeywordParameterNode,
  RequiredParameterNode,
  RestParameterNode,
  KeywordRestParameterNode,
  BlockParameterNode,
  LocalVariableReadNode,
  SelfNode,
  StatementsNode,
  UnlessNode,
  type Node,
} from '@ruby/prism/src/nodes.js';
import type { AssociationMacro, DefaultScopeDescription, EnumDescription, RubyValue, ScopeDescription, ScopeParam, ValidationDescription } from '../description.ts';
import { isBlockLiteral, isRubyHash, isRubyRange, keywordArgs, literalName, positionalArgs, rubyValue, type RubySource } from './ruby-ast.ts';

export interface RawAssociation {
  name: string;
  macro: AssociationMacro;
  options: Map<string, RubyValue>;
  scoped: boolean;
}

export interface ModelSource {
  className: string;
  superclass: string | null;
  file: string;
  abstract: boolean;
  tableName: string | null;
  primaryKey: string | null;
  /** `self.inheritance_column = "kind"` (Rails' single-table inheritance column; `type` when not set). */
  inheritanceColumn: string | null;
  associations: RawAssociation[];
  enums: EnumDescription[];
  /** column -> the stored value new records start with, where the model sets one (an enum's `default:`). */
  attributeDefaults: Map<string, string | number | null>;
  /** attribute -> validators in declaration order (a required belongs_to's name where it is declared: see declare). */
  validations: Map<string, ValidationDescription[]>;
  scopes: ScopeDescription[];
  /** The class body's own `default_scope` calls, in order. */
  defaultScopes: DefaultScopeDescription[];
}

const MACROS = new Set<string>(['belongs_to', 'has_many', 'has_one', 'has_and_belongs_to_many']);
/** Options `validates` hands to every validator it builds (ActiveModel's _validates_default_keys). */
const SHARED_VALIDATION_KEYS = new Set(['if', 'unless', 'on', 'allow_blank', 'allow_nil', 'strict']);
const VALIDATES_OF = /^validates_(\w+)_of$/;

/** Every class defined in the file with its full name (`Admin::User` inside `module Admin`), outer classes first. */
export function classNodes(src: RubySource): Array<[string, ClassNode]> {
  const classes: Array<[string, ClassNode]> = [];
  const visit = (statements: Node | null, namespace: string) => {
    if (!(statements instanceof StatementsNode)) return;
    for (const node of statements.body) {
      if (node instanceof ModuleNode) visit(node.body, `${namespace}${src.text(node.constantPath)}::`);
      if (node instanceof ClassNode) {
        const className = `${namespace}${src.text(node.constantPath)}`;
        classes.push([className, node]);
        visit(node.body, `${className}::`);
      }
    }
  };
  visit(src.program.statements, '');
  return classes;
}

/** Every class defined in the file (namespaced as `Admin::User` inside `module Admin`). */
export function readModels(src: RubySource, file: string): ModelSource[] {
  return classNodes(src).map(([className, node]) => readClass(node, className, src, file));
}

function readClass(node: ClassNode, className: string, src: RubySource, file: string): ModelSource {
  const model: ModelSource = {
    className,
    superclass: node.superclass ? src.text(node.superclass).replace(/^::/, '') : null,
    file,
    abstract: false,
    tableName: null,
    primaryKey: null,
    inheritanceColumn: null,
    associations: [],
    enums: [],
    attributeDefaults: new Map(),
    validations: new Map(),
    scopes: [],
    defaultScopes: [],
  };
  const constants = new Map<string, RubyValue>();
  const body = node.body instanceof StatementsNode ? node.body.body : [];
  for (const statement of body) {
    if (statement instanceof ConstantWriteNode) {
      constants.set(statement.name, rubyValue(statement.value, src, constants));
      continue;
    }
    if (marksAbstract(statement, src)) {
      model.abstract = true;
      continue;
    }
    if (!(statement instanceof CallNode)) continue;
    if (statement.receiver instanceof SelfNode) {
      const value = rubyValue(statement.arguments_?.arguments_[0] ?? null, src, constants);
      if (statement.name === 'abstract_class=') model.abstract = false; // `= true` was taken by marksAbstract
      if (statement.name === 'table_name=' && typeof value === 'string') model.tableName = value;
      if (statement.name === 'primary_key=' && typeof value === 'string') model.primaryKey = value;
      if (statement.name === 'inheritance_column=' && typeof value === 'string') model.inheritanceColumn = value;
      continue;
    }
    if (statement.receiver) continue;
    if (statement.name === 'with_options' && statement.block instanceof BlockNode) {
      withOptions(statement, src, constants, model);
      continue;
    }
    if (MACROS.has(statement.name)) declare(model, association(statement, src, constants));
    else if (statement.name === 'enum') {
      for (const { description, validation, defaultValue } of enums(statement, src, constants)) {
        model.enums.push(description);
        if (defaultValue !== undefined) model.attributeDefaults.set(description.name, defaultValue);
        // Rails 7.1's `validate:` declares `validates_inclusion_of name, in: labels, **options` where the enum stands.
        if (validation) add(model.validations, [description.name], 'inclusion', validation);
      }
    }
    else if (statement.name === 'validates') validates(statement, src, constants, model.validations);
    else if (VALIDATES_OF.test(statement.name)) validatesOf(statement, src, constants, model.validations);
    else if (statement.name === 'scope') {
      const scope = scopeOf(statement, src);
      if (scope) model.scopes.push(scope);
    } else if (statement.name === 'default_scope') {
      model.defaultScopes.push({ file, line: src.line(statement.location.startOffset), source: src.text(statement) });
    }
  }
  return model;
}

/**
 * `self.abstract_class = true`, Rails 7+'s `primary_abstract_class` (which sets it), or either inside a condition
 * (`if respond_to?(:primary_abstract_class) ... else self.abstract_class = true end` in code for Rails 6 and 7):
 * conditions are not evaluated, and a base class meant to be abstract somewhere is taken as abstract.
 */
function marksAbstract(node: Node | null, src: RubySource): boolean {
  if (node instanceof CallNode) {
    if (node.name === 'primary_abstract_class') return node.receiver === null && !node.arguments_;
    return node.name === 'abstract_class=' && node.receiver instanceof SelfNode && rubyValue(node.arguments_?.arguments_[0] ?? null, src) === true;
  }
  const branches =
    node instanceof IfNode ? [node.statements, node.subsequent] : node instanceof UnlessNode ? [node.statements, node.elseClause] : node instanceof ElseNode ? [node.statements] : null;
  if (!branches) return false;
  return branches.some((branch) => (branch instanceof StatementsNode ? branch.body.some((s) => marksAbstract(s, src)) : marksAbstract(branch, src)));
}

/**
 * Rails' `with_options presence: true do validates :title end` (or `do |m| m.validates :title end`): each validation and
 * association in the block takes the block's options under its own, as `with_options` merges them.
 */
function withOptions(call: CallNode, src: RubySource, constants: Map<string, RubyValue>, model: ModelSource): void {
  const block = call.block as BlockNode;
  const inherited = keywordArgs(call);
  const parameters = block.parameters instanceof BlockParametersNode ? block.parameters.parameters?.requireds ?? [] : [];
  const receiverName = parameters[0] instanceof RequiredParameterNode ? parameters[0].name : null;
  const body = block.body instanceof StatementsNode ? block.body.body : [];
  for (const statement of body) {
    if (!(statement instanceof CallNode)) continue;
    const onModel = statement.receiver === null || (statement.receiver instanceof LocalVariableReadNode && statement.receiver.name === receiverName);
    if (!onModel) continue;
    if (MACROS.has(statement.name)) declare(model, association(statement, src, constants, inherited));
    else if (statement.name === 'validates') validates(statement, src, constants, model.validations, inherited);
    else if (VALIDATES_OF.test(statement.name)) validatesOf(statement, src, constants, model.validations, inherited);
  }
}

/** A call's keyword arguments under those of an enclosing `with_options` (the call's own win, as Rails merges them). */
function merged(call: CallNode, inherited: Array<[string, Node]>): Array<[string, Node]> {
  const own = keywordArgs(call);
  return [...inherited.filter(([key]) => !own.some(([k]) => k === key)), ...own];
}

/**
 * An association, and a required belongs_to's place among the validations: Rails 5+ adds its presence validator where
 * it is declared (its errors come there). The validator is left out, as the Ruby describer leaves it out (it depends on
 * the app's config); its attribute is listed, with no validator unless others name it.
 */
function declare(model: ModelSource, raw: RawAssociation): void {
  model.associations.push(raw);
  if (raw.macro === 'belongs_to' && belongsToOptional(raw) !== true && !model.validations.has(raw.name)) model.validations.set(raw.name, []);
}

/** A belongs_to's `optional:`, as Rails reads it: `required: false` (Rails 4's spelling) is `optional: true`. */
export function belongsToOptional(raw: RawAssociation): RubyValue | undefined {
  const required = raw.options.get('required');
  return typeof required === 'boolean' && raw.macro === 'belongs_to' ? !required : raw.options.get('optional');
}

function association(call: CallNode, src: RubySource, constants: Map<string, RubyValue>, inherited: Array<[string, Node]> = []): RawAssociation {
  const positional = positionalArgs(call);
  return {
    name: literalName(positional[0]) ?? src.text(positional[0] ?? call),
    macro: call.name as AssociationMacro,
    options: new Map(merged(call, inherited).map(([k, v]) => [k, rubyValue(v, src, constants)])),
    scoped: positional.slice(1).some(isBlockLiteral),
  };
}

/**
 * Rails 6.1 `enum status: { ... }, _prefix: true`, Rails 7 `enum :status, { ... }, prefix: true` and
 * `enum :status, draft: 0, active: 1` (the labels as keywords, no options).
 */
function enums(
  call: CallNode,
  src: RubySource,
  constants: Map<string, RubyValue>,
): { description: EnumDescription; validation: Record<string, RubyValue> | null; defaultValue: string | number | null | undefined }[] {
  const positional = positionalArgs(call);
  const name = literalName(positional[0]);
  const keywords = keywordArgs(call);
  const trailing = call.arguments_?.arguments_.at(-1);
  let definitions: Array<[string, Node]>;
  let options: Array<[string, Node]>;
  // `enum :status, { ... }, prefix: true`: options from the keywords after the values hash, never from the values.
  if (name !== null && positional[1]) [definitions, options] = [[[name, positional[1]]], trailing instanceof KeywordHashNode ? keywords : []];
  else if (name !== null && trailing instanceof KeywordHashNode) [definitions, options] = [[[name, trailing]], []];
  else [definitions, options] = [keywords.filter(([key]) => !key.startsWith('_')), keywords.filter(([key]) => key.startsWith('_'))];
  // Rails 6.1 spells the options `_prefix`; Rails 7 `prefix`.
  const option = new Map(options.map(([key, value]) => [key.replace(/^_/, ''), rubyValue(value, src, constants)]));
  const affix = (enumName: string, value: RubyValue | undefined): string | null =>
    value === true ? enumName : typeof value === 'string' && value !== '' ? value : null;
  const validate = option.get('validate');
  const validateOptions = typeof validate === 'object' && validate !== null && !Array.isArray(validate) ? (validate as Record<string, RubyValue>) : {};
  return definitions.map(([enumName, values]) => {
    const description: EnumDescription = {
      name: enumName,
      values: enumValues(values, src, constants),
      prefix: affix(enumName, option.get('prefix')),
      suffix: affix(enumName, option.get('suffix')),
      scopes: option.get('scopes') !== false,
      instance_methods: option.get('instance_methods') !== false,
      validate: validate !== undefined && validate !== false && validate !== null,
    };
    const validation = description.validate ? { in: Object.keys(description.values), ...validateOptions } : null;
    return { description, validation, defaultValue: enumDefault(description.values, option.get('default')) };
  });
}

/**
 * The stored value of an enum's `default:` (6.1: `_default:`), which Rails makes the attribute's default: a label, or a
 * stored value, as the enum's type casts either. Anything else is no default the generator can write down.
 */
function enumDefault(values: Record<string, string | number>, given: RubyValue | undefined): string | number | null | undefined {
  if (given === null) return null; // `default: nil`: new records start with NULL, whatever the column's default
  if (typeof given !== 'string' && typeof given !== 'number') return undefined;
  if (Object.hasOwn(values, String(given))) return values[String(given)];
  return Object.values(values).find((value) => value === given);
}

/** Label -> stored value in declaration order (`defined_enums` keeps it; the generated unions follow it). */
function enumValues(node: Node, src: RubySource, constants: Map<string, RubyValue>): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  const literal = node instanceof ConstantReadNode ? constants.get(node.name) : undefined;
  if (node instanceof HashNode || node instanceof KeywordHashNode) {
    for (const element of node.elements) {
      if (!(element instanceof AssocNode)) continue;
      const label = rubyValue(element.key, src, constants);
      const value = rubyValue(element.value, src, constants);
      if ((typeof label === 'string' || typeof label === 'number') && (typeof value === 'string' || typeof value === 'number')) result[String(label)] = value;
    }
  } else {
    const labels = node instanceof ArrayNode ? node.elements.map((e) => rubyValue(e, src, constants)) : Array.isArray(literal) ? literal : [];
    labels.forEach((label, i) => (result[String(label)] = i));
  }
  return result;
}

/** `validates :a, :b, presence: true, length: { maximum: 5 }, allow_nil: true`: one validator per kind. */
function validates(call: CallNode, src: RubySource, constants: Map<string, RubyValue>, into: Map<string, ValidationDescription[]>, inherited: Array<[string, Node]> = []): void {
  const attributes = positionalArgs(call).map(literalName).filter((a): a is string => a !== null);
  const pairs = merged(call, inherited).map(([k, v]) => [k, rubyValue(v, src, constants)] as const);
  const shared = Object.fromEntries(pairs.filter(([k]) => SHARED_VALIDATION_KEYS.has(k)));
  for (const [kind, value] of pairs) {
    if (SHARED_VALIDATION_KEYS.has(kind) || value === false || value === null) continue;
    add(into, attributes, kind, { ...shared, ...parseValidatesOptions(value) });
  }
}

/** `validates_presence_of :a, :b, message: '...'`. */
function validatesOf(call: CallNode, src: RubySource, constants: Map<string, RubyValue>, into: Map<string, ValidationDescription[]>, inherited: Array<[string, Node]> = []): void {
  const kind = VALIDATES_OF.exec(call.name)![1]!;
  const attributes = positionalArgs(call).map(literalName).filter((a): a is string => a !== null);
  const options = Object.fromEntries(merged(call, inherited).map(([k, v]) => [k, rubyValue(v, src, constants)]));
  add(into, attributes, kind, options);
}

/** ActiveModel's _parse_validates_options. */
function parseValidatesOptions(value: RubyValue): Record<string, RubyValue> {
  if (value === true) return {};
  if (Array.isArray(value) || isRubyRange(value)) return { in: value };
  if (isRubyHash(value)) return { ...value };
  return { with: value };
}

function add(into: Map<string, ValidationDescription[]>, attributes: string[], kind: string, options: Record<string, RubyValue>): void {
  const normalised = kind === 'length' ? lengthOptions(options) : options;
  const sorted = Object.fromEntries(Object.entries(normalised).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const attribute of attributes) {
    const list = into.get(attribute) ?? [];
    list.push({ kind, options: sorted });
    into.set(attribute, list);
  }
}

/** LengthValidator turns `in:` / `within:` into minimum / maximum. */
function lengthOptions(options: Record<string, RubyValue>): Record<string, RubyValue> {
  const { in: inRange, within, ...rest } = options;
  const range = inRange ?? within;
  if (isRubyRange(range)) {
    const [first, last] = range.range;
    rest.minimum = first ?? null;
    rest.maximum = range.exclude_end && typeof last === 'number' ? last - 1 : (last ?? null);
  }
  if (rest.allow_blank === false && rest.minimum === undefined && rest.is === undefined) rest.minimum = 1;
  return rest;
}

function scopeOf(call: CallNode, src: RubySource): ScopeDescription | null {
  const [nameNode, body] = positionalArgs(call);
  const name = literalName(nameNode);
  if (name === null || !body) return null;
  const params = scopeParams(body, src);
  return { name, line: src.line(call.location.startOffset), source: src.text(body), params, arity: arity(params) };
}

function scopeParams(body: Node, src: RubySource): ScopeParam[] {
  let parameters: Node | null = null;
  if (body instanceof LambdaNode) parameters = body.parameters;
  else if (body instanceof CallNode && body.block instanceof BlockNode) parameters = body.block.parameters;
  const list = parameters instanceof BlockParametersNode ? parameters.parameters : null;
  if (!(list instanceof ParametersNode)) return [];
  const params: ScopeParam[] = [];
  for (const p of list.requireds) if (p instanceof RequiredParameterNode) params.push({ name: p.name, kind: 'req' });
  for (const p of list.optionals) if (p instanceof OptionalParameterNode) params.push({ name: p.name, kind: 'opt', default: src.text(p.value) });
  if (list.rest instanceof RestParameterNode) params.push({ name: list.rest.name, kind: 'rest' });
  for (const p of list.posts) if (p instanceof RequiredParameterNode) params.push({ name: p.name, kind: 'req' });
  for (const p of list.keywords) {
    if (p instanceof RequiredKeywordParameterNode) params.push({ name: p.name, kind: 'keyreq' });
    if (p instanceof OptionalKeywordParameterNode) params.push({ name: p.name, kind: 'key', default: src.text(p.value) });
  }
  if (list.keywordRest instanceof KeywordRestParameterNode) params.push({ name: list.keywordRest.name, kind: 'keyrest' });
  if (list.block instanceof BlockParameterNode) params.push({ name: list.block.name, kind: 'block' });
  return params;
}

/** Ruby's Proc#arity for a lambda with these parameters (same rule as the Ruby describer). */
function arity(params: ScopeParam[]): number {
  let required = params.filter((p) => p.kind === 'req').length;
  const optional = params.some((p) => p.kind === 'opt' || p.kind === 'rest');
  if (params.some((p) => p.kind === 'keyreq')) required += 1;
  return optional ? -(required + 1) : required;
}
