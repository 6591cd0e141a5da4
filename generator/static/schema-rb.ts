/**
 * Reads `db/schema.rb` (the Rails schema dump) into tables and columns, typed the way
 * Active Record's `columns_hash` reports them.
 */
import { BlockNode, CallNode, LambdaNode, StatementsNode, StringNode, type Node } from '@ruby/prism/src/nodes.js';
import type { ColumnDescription, RubyValue } from '../description.ts';
import { keywordArgs, literalName, positionalArgs, rubyValue, type RubySource } from './ruby-ast.ts';

export interface TableSchema {
  name: string;
  /** null when the table has no single-column primary key (`id: false`, composite keys). */
  primaryKey: string | null;
  columns: ColumnDescription[];
}

/** schema.rb column methods -> Active Record's abstract column type. */
const TYPE_ALIASES: Record<string, string> = {
  bigint: 'integer',
  primary_key: 'integer',
  serial: 'integer',
  bigserial: 'integer',
  numeric: 'decimal',
  timestamp: 'datetime',
  blob: 'binary',
};
const NOT_COLUMNS = new Set(['index', 'check_constraint', 'foreign_key', 'exclusion_constraint', 'unique_constraint']);

/** Tables by name, in schema order. */
export function readSchema(src: RubySource): Map<string, TableSchema> {
  const tables = new Map<string, TableSchema>();
  for (const call of calls(src.program.statements)) {
    if (call.name !== 'define' || !(call.block instanceof BlockNode)) continue;
    for (const statement of calls(call.block.body)) {
      if (statement.name === 'create_table' && !statement.receiver) {
        const table = createTable(statement, src);
        if (table) tables.set(table.name, table);
      }
    }
  }
  return tables;
}

function calls(body: Node | null): CallNode[] {
  if (!(body instanceof StatementsNode)) return [];
  return body.body.filter((n): n is CallNode => n instanceof CallNode);
}

function createTable(call: CallNode, src: RubySource): TableSchema | null {
  const name = literalName(positionalArgs(call)[0]);
  if (name === null) return null;
  const options = new Map(keywordArgs(call));
  const columns: ColumnDescription[] = [];
  const idOption = options.get('id');
  const idType = idOption ? rubyValue(idOption, src) : 'integer';
  const pkOption = options.has('primary_key') ? rubyValue(options.get('primary_key')!, src) : 'id';
  let primaryKey: string | null = typeof pkOption === 'string' ? pkOption : null;
  if (idType === false) {
    primaryKey = typeof pkOption === 'string' && options.has('primary_key') ? pkOption : null;
  } else if (primaryKey !== null) {
    const fn = options.get('default');
    columns.push({
      name: primaryKey,
      type: columnType(typeof idType === 'string' ? idType : 'integer'),
      null: false,
      default: fn && !(fn instanceof LambdaNode) ? rubyValue(fn, src) : null,
      default_function: fn instanceof LambdaNode ? lambdaString(fn, src) : null,
      array: false,
    });
  }
  if (call.block instanceof BlockNode) {
    for (const statement of calls(call.block.body)) columns.push(...columnsOf(statement, src));
  }
  return { name, primaryKey, columns };
}

function columnsOf(call: CallNode, src: RubySource): ColumnDescription[] {
  if (!call.receiver || NOT_COLUMNS.has(call.name)) return [];
  const options = new Map(keywordArgs(call));
  const names = positionalArgs(call).map(literalName);
  if (call.name === 'timestamps') {
    const nullable = options.has('null') ? rubyValue(options.get('null')!, src) === true : false;
    return ['created_at', 'updated_at'].map((name) => column(name, 'datetime', nullable, null, null, false));
  }
  if (call.name === 'references' || call.name === 'belongs_to') {
    const type = options.has('type') ? String(rubyValue(options.get('type')!, src)) : 'integer';
    const nullable = options.has('null') ? rubyValue(options.get('null')!, src) !== false : true;
    const polymorphic = options.has('polymorphic') && rubyValue(options.get('polymorphic')!, src) !== false;
    return names.flatMap((name) =>
      name === null
        ? []
        : [
            column(`${name}_id`, columnType(type), nullable, null, null, false),
            ...(polymorphic ? [column(`${name}_type`, 'string', nullable, null, null, false)] : []),
          ],
    );
  }
  let type = call.name;
  if (call.name === 'column') {
    type = String(rubyValue(positionalArgs(call)[1] ?? null, src));
    names.splice(1);
  }
  const nullable = options.has('null') ? rubyValue(options.get('null')!, src) !== false : true;
  const defaultNode = options.get('default');
  const isFunction = defaultNode instanceof LambdaNode;
  const array = options.has('array') && rubyValue(options.get('array')!, src) === true;
  const abstractType = columnType(type);
  return names.flatMap((name) =>
    name === null
      ? []
      : [
          column(
            name,
            abstractType,
            nullable,
            isFunction || !defaultNode ? null : castDefault(abstractType, rubyValue(defaultNode, src)),
            isFunction ? lambdaString(defaultNode, src) : null,
            array,
          ),
        ],
  );
}

function column(name: string, type: string, nullable: boolean, value: RubyValue, fn: string | null, array: boolean): ColumnDescription {
  return { name, type, null: nullable, default: value, default_function: fn, array };
}

function columnType(method: string): string {
  return TYPE_ALIASES[method] ?? method;
}

/** Active Record casts the dumped default with the column type; decimals come back as BigDecimal#to_s('F'). */
function castDefault(type: string, value: RubyValue): RubyValue {
  if (type === 'decimal' && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value);
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  if ((type === 'integer' || type === 'float') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  return value;
}

/** `-> { "CURRENT_TIMESTAMP" }` -> `CURRENT_TIMESTAMP`. */
function lambdaString(node: LambdaNode, src: RubySource): string {
  const body = node.body instanceof StatementsNode ? node.body.body[0] : undefined;
  return body instanceof StringNode ? body.unescaped.value : src.text(node);
}
