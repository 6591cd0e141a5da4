/**
 * Per-model read and write policies: Zero has no permission system on the named-query / custom-
 * mutator path, so the endpoints enforce these. Keys are Zero table names (`jobs`).
 */
import type { Schema } from '@rocicorp/zero';
import type { WhereHash } from '../core/conditions.ts';
import { ConfigError } from '../core/errors.ts';

/** A row as the database holds it (Zero client names, values as Zero types them). */
export type PolicyRow = Readonly<Record<string, unknown>>;

/** One row change a mutator asks for, as the write policy sees it. */
export interface WriteChange {
  readonly table: string;
  readonly operation: 'insert' | 'update' | 'upsert' | 'delete';
  /** The row before the change (update, upsert of an existing row, delete); undefined for an insert. A delete of a row
   * that is already gone writes nothing and is not asked about (Rails' destroy of a stale record succeeds). */
  readonly before: PolicyRow | undefined;
  /** The row after the change (insert, update, upsert); undefined for a delete. */
  readonly after: PolicyRow | undefined;
}

/**
 * What a write policy may read, in the mutator's transaction: the rows associated with a row of the changed table,
 * through the Zero schema's relationships, as they stand in this transaction.
 * @example
 * // The job before the change and after it must be the user's: checking one side alone lets an update move a row in or out.
 * write: async (ctx, { before, after }, reads) => {
 *   for (const row of [before, after]) if (row && (await reads.one(row, 'job'))?.owner_id !== ctx.userID) return false;
 *   return true;
 * }
 */
export interface PolicyReads {
  /** The row a `one` relationship (belongs_to, has_one) points at from `row`'s values; undefined for none or a NULL key. */
  one(row: PolicyRow, relationship: string): Promise<PolicyRow | undefined>;
  /** The rows a `many` relationship (has_many, or through a junction table) points at from `row`'s values. */
  many(row: PolicyRow, relationship: string): Promise<PolicyRow[]>;
}

/**
 * A read policy's conditions: a where hash, as `where` takes it, of the table's own columns (`{ owner_id: ctx.userID }`),
 * where the name of one of its relationships takes the conditions its associated row must meet: rows owned through a
 * parent (`{ job: { owner_id: ctx.userID } }`, Rails' `joins(:job).where(jobs: { owner_id: ... })`), to any depth; the
 * conditions given one relationship are met by one row (`{ members: { user_id, role: 'admin' } }`: one member, both).
 */
export type ReadPolicyHash = WhereHash;

/** One table's policies: which rows a context may read, which changes it may make. */
export interface ModelPolicy<C> {
  /**
   * Conditions ANDed into every query of this table (also inside `includes`), e.g.
   * `(ctx) => ({ owner_id: ctx.userID })`, or through a relationship, `(ctx) => ({ job: { owner_id: ctx.userID } })`.
   * Return `{}` for no restriction. A client never sees rows outside it, and rows that leave it disappear from its
   * live views.
   */
  read?: (ctx: C) => ReadPolicyHash;
  /**
   * True to allow the change. A refusal fails that one mutation with an app error; nothing is written. `reads` follows
   * the changed row's relationships in the transaction: a row owned through its parent checks the parent, before and
   * after (a task moved to another job needs both).
   */
  write?: (ctx: C, change: WriteChange, reads: PolicyReads) => boolean | Promise<boolean>;
}

/** Table name -> its policy. Tables without an entry are unrestricted. */
export type Policies<C> = Readonly<Record<string, ModelPolicy<C>>>;

/** A policy under a name that is not a table would leave that table unrestricted: refuse it at start. */
export function assertPolicyTables(schema: Schema, policies: Policies<never>): void {
  const tables = Object.keys(schema.tables);
  const stray = Object.keys(policies).filter((name) => !tables.includes(name));
  if (stray.length > 0) {
    throw new ConfigError(
      'zero-record/server policies',
      stray.map((name) => `'${name}' is not a table of the schema (policies are keyed by table: ${tables.join(', ')})`),
    );
  }
}
