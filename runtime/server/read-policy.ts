/**
 * Read policies ANDed into the ASTs the query endpoint answers with. It works on the AST (after the
 * named query built it) rather than on the relation spec, so every named query is covered, at every
 * level: the root, each `related` subquery (includes) and each EXISTS subquery (`whereExists`), so
 * neither rows nor their existence leak. The AST is in server names (Zero maps it before answering),
 * so the policy's columns are mapped here the same way.
 */
import { relationshipHops, schemaModel, type Hop } from '../core/relationships.ts';
import type { AST, Condition as AstCondition, Schema } from '@rocicorp/zero';
import { hashCondition, type Condition } from '../core/conditions.ts';
import { joinedWhere } from '../core/join-conditions.ts';
import { ConfigError } from '../core/errors.ts';
import type { Policies, ReadPolicyHash } from './policies.ts';

interface ServerNames {
  /** server table name -> client table name */
  readonly tables: ReadonlyMap<string, string>;
  tableName(table: string): string;
  columnName(table: string, column: string): string;
}

function serverNames(schema: Schema): ServerNames {
  const tables = new Map<string, string>();
  for (const [name, table] of Object.entries(schema.tables)) tables.set(table.serverName ?? name, name);
  return {
    tables,
    tableName: (table) => schema.tables[table]?.serverName ?? table,
    columnName: (table, column) => schema.tables[table]?.columns[column]?.serverName ?? column,
  };
}

/**
 * The read policies of `schema`'s tables, ready to evaluate per request: `(ctx)` gives each table's policy as an AST
 * condition keyed by server table name. A policy is a where hash, built as a relation's `where` is (hashCondition, its
 * relationships' conditions on one joined row: join-conditions.ts), then put in Zero's AST in server names.
 */
export function readPolicyFor<C>(schema: Schema, policies: Policies<C>): (ctx: C) => ReadonlyMap<string, AstCondition> {
  const names = serverNames(schema);
  const policed = [...names.tables].filter(([, table]) => policies[table]?.read).map(([serverTable, table]) => ({ serverTable, table, read: policies[table]!.read! }));
  const serverKey = (table: string, [first, ...rest]: readonly string[]): CompoundKey => {
    // Zero's schema builder refuses a relationship without fields; a hand-made schema is told.
    if (first === undefined) throw new ConfigError('Invalid read policy', [`a relationship of ${table} has no fields to join on`]);
    return [names.columnName(table, first), ...rest.map((c) => names.columnName(table, c))];
  };
  const toAst = (cond: Condition, table: string): AstCondition => {
    switch (cond.op) {
      case 'cmp':
        return {
          type: 'simple',
          left: { type: 'column', name: names.columnName(table, cond.column) },
          op: cond.operator,
          right: { type: 'literal', value: cond.value as string | number | boolean | null | readonly (string | number | boolean)[] },
        } as AstCondition;
      case 'and':
      case 'or':
        return { type: cond.op, conditions: cond.conds.map((c) => toAst(c, table)) } as AstCondition;
      case 'const':
        // An empty AND matches every row, an empty OR none (as the runtime compiles them to ZQL).
        return { type: cond.value ? 'and' : 'or', conditions: [] } as AstCondition;
      case 'exists': {
        // A where hash never asks for a missing row (that is where_missing); say so rather than drop the NOT.
        if (cond.negated) throw new ConfigError('Invalid read policy', [`a read policy cannot require that '${cond.relationship}' has no row`]);
        const where = cond.where;
        return existsThrough(table, relationshipHops(schema, table, cond.relationship), cond.relationship, where && ((dest) => toAst(where, dest)));
      }
    }
  };
  /**
   * Zero's EXISTS over relationship `name` of `from` (one hop, or two through a junction table), in server names, as
   * ZQL's whereExists builds it; `where` gives the condition on the last table's rows.
   */
  const existsThrough = (from: string, hops: readonly Hop[], name: string, where: ((dest: string) => AstCondition) | undefined, at = 0): AstCondition => {
    const hop = hops[at]!;
    const dest = hop.destSchema;
    const last = at === hops.length - 1;
    const condition = last ? where?.(dest) : existsThrough(dest, hops, name, where, at + 1);
    return {
      type: 'correlatedSubquery',
      related: {
        system: 'client',
        correlation: { parentField: serverKey(from, hop.sourceField), childField: serverKey(dest, hop.destField) },
        subquery: { table: names.tableName(dest), alias: `zsubq_${at > 0 ? 'zhidden_' : ''}${name}`, ...(condition ? { where: condition } : {}) },
      },
      op: 'EXISTS',
    } as AstCondition;
  };
  const policy = (table: string, hash: ReadPolicyHash): AstCondition => {
    const context = `the read policy of ${table}`;
    return toAst(joinedWhere(schema, table, hashCondition(schemaModel(schema, table), hash, context), context), table);
  };
  return (ctx) => {
    const byServerTable = new Map<string, AstCondition>();
    for (const { serverTable, table, read } of policed) byServerTable.set(serverTable, policy(table, read(ctx)));
    return byServerTable;
  };
}

type CompoundKey = readonly [string, ...string[]];

function withPolicyInConditions(cond: AstCondition, policy: ReadonlyMap<string, AstCondition>): AstCondition {
  switch (cond.type) {
    case 'and':
    case 'or':
      return { ...cond, conditions: cond.conditions.map((c) => withPolicyInConditions(c, policy)) } as AstCondition;
    case 'correlatedSubquery':
      return { ...cond, related: { ...cond.related, subquery: withReadPolicy(cond.related.subquery, policy) } };
    default:
      return cond;
  }
}

/** `ast` with each level's table policy ANDed into its `where`. */
export function withReadPolicy(ast: AST, policy: ReadonlyMap<string, AstCondition>): AST {
  if (policy.size === 0) return ast;
  const own = policy.get(ast.table);
  const where = ast.where ? withPolicyInConditions(ast.where, policy) : undefined;
  const combined = own && where ? ({ type: 'and', conditions: [where, own] } as AstCondition) : (own ?? where);
  return {
    ...ast,
    ...(combined ? { where: combined } : {}),
    ...(ast.related ? { related: ast.related.map((r) => ({ ...r, subquery: withReadPolicy(r.subquery, policy) })) } : {}),
  };
}
