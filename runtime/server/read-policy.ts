/**
 * Read policies ANDed into the ASTs the query endpoint answers with. It works on the AST (after the
 * named query built it) rather than on the relation spec, so every named query is covered, at every
 * level: the root, each `related` subquery (includes) and each EXISTS subquery (`whereExists`), so
 * neither rows nor their existence leak. The AST is in server names (Zero maps it before answering),
 * so the policy's columns are mapped here the same way.
 */
import type { AST, Condition as AstCondition, Schema } from '@rocicorp/zero';
import type { Condition } from '../core/conditions.ts';
import { hashCondition } from '../core/conditions.ts';
import { ConfigError } from '../core/errors.ts';
import { defineModel } from '../core/config.ts';
import type { Policies } from './policies.ts';

interface ServerNames {
  /** server table name -> client table name */
  readonly tables: ReadonlyMap<string, string>;
  columnName(table: string, column: string): string;
}

function serverNames(schema: Schema): ServerNames {
  const tables = new Map<string, string>();
  for (const [name, table] of Object.entries(schema.tables)) tables.set(table.serverName ?? name, name);
  return {
    tables,
    columnName: (table, column) => schema.tables[table]?.columns[column]?.serverName ?? column,
  };
}

function toAstCondition(cond: Condition, column: (name: string) => string): AstCondition {
  switch (cond.op) {
    case 'cmp':
      return {
        type: 'simple',
        left: { type: 'column', name: column(cond.column) },
        op: cond.operator,
        right: { type: 'literal', value: cond.value as string | number | boolean | null | readonly (string | number | boolean)[] },
      } as AstCondition;
    case 'and':
    case 'or':
      return { type: cond.op, conditions: cond.conds.map((c) => toAstCondition(c, column)) } as AstCondition;
    case 'const':
      // An empty AND matches every row, an empty OR none (as the runtime compiles them to ZQL).
      return { type: cond.value ? 'and' : 'or', conditions: [] } as AstCondition;
    case 'exists':
      // A read policy is a where hash (hashCondition), which never produces EXISTS; say so rather than drop it.
      throw new ConfigError('Invalid read policy', [`a read policy is a where hash; it cannot require the relationship '${cond.relationship}'`]);
  }
}

/**
 * The read policies of `schema`'s tables, ready to evaluate per request: `(ctx)` gives each table's policy as an AST
 * condition keyed by server table name. Models and name mappings are made once, here.
 */
export function readPolicyFor<C>(schema: Schema, policies: Policies<C>): (ctx: C) => ReadonlyMap<string, AstCondition> {
  const names = serverNames(schema);
  const policed = [...names.tables]
    .filter(([, table]) => policies[table]?.read)
    .map(([serverTable, table]) => ({ serverTable, table, read: policies[table]!.read!, model: defineModel({ schema, table }) }));
  return (ctx) => {
    const byServerTable = new Map<string, AstCondition>();
    for (const { serverTable, table, read, model } of policed) {
      const cond = hashCondition(model, read(ctx), `the read policy of ${table}`);
      byServerTable.set(serverTable, toAstCondition(cond, (column) => names.columnName(table, column)));
    }
    return byServerTable;
  };
}

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
