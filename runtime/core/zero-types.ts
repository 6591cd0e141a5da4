/**
 * The slice of Zero's types the runtime relies on, named once. Zero's own generics are exact per schema; the runtime works
 * across schemas, so it talks to Zero through these.
 */
import type { Schema, Zero } from '@rocicorp/zero';

// Zero's class is generic over schema, mutators and context; the runtime accepts any of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyZero = Zero<any, any, any>;

/** A Zero instance, or a function returning one (undefined/null while the app has not created it yet). */
export type ZeroSource = AnyZero | (() => AnyZero | undefined | null);

export type AnySchema = Schema;

/** A row as Zero hands it out. */
export type RowData = Readonly<Record<string, unknown>>;

export type ColumnType = 'string' | 'number' | 'boolean' | 'json' | 'null';

/** Any query a Zero client runs or materializes. */
export type AnyQuery = Parameters<AnyZero['run']>[0];
