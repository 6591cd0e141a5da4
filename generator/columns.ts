/**
 * Active Record column types -> Zero column builders and the TypeScript value types scopes use.
 */
import type { ColumnDescription, ModelDescription, RubyValue } from './description.ts';
import { str } from './names.ts';

/** `type` is the Zero column type the builder makes (what the runtime's `columnTypes` reads). */
export type ZeroColumn = { ok: true; builder: string; valueType: string; type: 'string' | 'number' | 'boolean' | 'json' } | { ok: false; reason: string };

// A PostgreSQL enum (`t.enum ..., enum_type:`) without a Rails `enum` is its label text in Zero, as zero-cache replicates it.
const STRING = new Set(['string', 'text', 'citext', 'uuid', 'inet', 'cidr', 'macaddr', 'time', 'interval', 'ltree', 'enum']);
const NUMBER = new Set(['integer', 'bigint', 'float', 'decimal']);
/** Zero hands timestamps and dates to the client as epoch milliseconds. */
const EPOCH = new Set(['datetime', 'timestamp', 'timestamptz', 'date']);

/** The Zero builder expression (`z.string().optional()`) for a column, using the model's enums. */
export function zeroColumn(model: ModelDescription, column: ColumnDescription): ZeroColumn {
  const optional = column.null ? '.optional()' : '';
  const enumeration = model.enums.find((e) => e.name === column.name);
  if (enumeration) {
    const values = Object.values(enumeration.values);
    if (values.length > 0 && values.every((v) => typeof v === 'string')) {
      const union = values.map((v) => str(String(v))).join(' | ');
      return { ok: true, builder: `z.enumeration<${union}>()${optional}`, valueType: union, type: 'string' };
    }
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const union = values.map(String).join(' | ');
      return { ok: true, builder: `z.number<${union}>()${optional}`, valueType: union, type: 'number' };
    }
  }
  if (column.array) return { ok: true, builder: `z.json()${optional}`, valueType: 'never', type: 'json' };
  if (STRING.has(column.type)) return { ok: true, builder: `z.string()${optional}`, valueType: 'string', type: 'string' };
  if (NUMBER.has(column.type) || EPOCH.has(column.type)) return { ok: true, builder: `z.number()${optional}`, valueType: 'number', type: 'number' };
  if (column.type === 'boolean') return { ok: true, builder: `z.boolean()${optional}`, valueType: 'boolean', type: 'boolean' };
  if (column.type === 'json' || column.type === 'jsonb') return { ok: true, builder: `z.json()${optional}`, valueType: 'never', type: 'json' };
  return { ok: false, reason: `column type '${column.type}' has no Zero equivalent; the column is left out of the Zero schema` };
}

/** A column default as the runtime's `defaults` takes it: a value of the column's Zero type, or why there is none. */
export type ZeroDefault = { ok: true; value: string | number | boolean } | { ok: false; reason: string };

const TRUE = new Set(['true', 't', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', 'f', '0', 'no', 'n', 'off']);

/**
 * The Rails default of `column` (literal, not a database function) cast to its Zero type: schema.rb and the Ruby
 * describer hand over decimals, dates and sometimes numbers or booleans as strings; dates become epoch ms (as Zero reads them).
 * Only called for columns with a literal default.
 */
export function zeroDefault(model: ModelDescription, column: ColumnDescription): ZeroDefault {
  const value: RubyValue = column.default;
  const cannot = (why: string): ZeroDefault => ({ ok: false, reason: `default ${JSON.stringify(value)} ${why}; create leaves the column to the caller` });
  if (typeof value === 'object') return cannot(Array.isArray(value) ? 'is a list (runtime defaults hold scalars)' : 'is not a scalar (runtime defaults hold scalars)');
  const enumeration = model.enums.find((e) => e.name === column.name);
  if (enumeration) {
    // Rails may dump the label or the stored value; the column holds the stored value.
    const stored = Object.values(enumeration.values).find((v) => String(v) === String(value)) ?? enumeration.values[String(value)];
    return stored === undefined ? cannot(`is not a value of the enum ${column.name}`) : { ok: true, value: stored };
  }
  if (column.array || column.type === 'json' || column.type === 'jsonb') {
    // Both describers hand over the deserialised JSON value: a scalar is the value itself.
    return { ok: true, value };
  }
  if (STRING.has(column.type)) return { ok: true, value: String(value) };
  if (NUMBER.has(column.type)) {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'boolean' ? Number(value) : NaN;
    return Number.isFinite(number) ? { ok: true, value: number } : cannot(`is not a ${column.type}`);
  }
  if (EPOCH.has(column.type)) {
    if (typeof value === 'number') return { ok: true, value };
    const ms = typeof value === 'string' ? epochMs(value) : NaN;
    return Number.isFinite(ms) ? { ok: true, value: ms } : cannot(`is not a ${column.type}`);
  }
  if (column.type === 'boolean') {
    if (typeof value === 'boolean') return { ok: true, value };
    const text = String(value).trim().toLowerCase();
    return TRUE.has(text) ? { ok: true, value: true } : FALSE.has(text) ? { ok: true, value: false } : cannot('is not a boolean');
  }
  return cannot(`has a column type ('${column.type}') with no Zero equivalent`);
}

/** Rails' dumped times are UTC (`2024-01-01 00:00:00`, or ISO 8601 with a zone from the Ruby describer). */
function epochMs(text: string): number {
  const iso = text.trim().replace(' ', 'T');
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : /T/.test(iso) ? `${iso}Z` : `${iso}T00:00:00Z`;
  return Date.parse(zoned);
}
