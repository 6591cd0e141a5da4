/**
 * Active Record column types -> Zero column builders and the TypeScript value types scopes use.
 */
import type { ColumnDescription, ModelDescription } from './description.ts';
import { str } from './names.ts';

export type ZeroColumn = { ok: true; builder: string; valueType: string } | { ok: false; reason: string };

const STRING = new Set(['string', 'text', 'citext', 'uuid', 'inet', 'cidr', 'macaddr', 'time', 'interval', 'ltree']);
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
      return { ok: true, builder: `z.enumeration<${union}>()${optional}`, valueType: union };
    }
    if (values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const union = values.map(String).join(' | ');
      return { ok: true, builder: `z.number<${union}>()${optional}`, valueType: union };
    }
  }
  if (column.array) return { ok: true, builder: `z.json()${optional}`, valueType: 'never' };
  if (STRING.has(column.type)) return { ok: true, builder: `z.string()${optional}`, valueType: 'string' };
  if (NUMBER.has(column.type) || EPOCH.has(column.type)) return { ok: true, builder: `z.number()${optional}`, valueType: 'number' };
  if (column.type === 'boolean') return { ok: true, builder: `z.boolean()${optional}`, valueType: 'boolean' };
  if (column.type === 'json' || column.type === 'jsonb') return { ok: true, builder: `z.json()${optional}`, valueType: 'never' };
  return { ok: false, reason: `column type '${column.type}' has no Zero equivalent; the column is left out of the Zero schema` };
}
