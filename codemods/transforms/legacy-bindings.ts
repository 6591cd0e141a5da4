/**
 * Which local names in a file are legacy: the two classes (under any alias) from a legacy class module, and the
 * model object and mutators (`Job`, `createJob`, ...) from a legacy model module. Type-only imports are not
 * bindings the code runs: they stay valid as they are and are never rewritten.
 */
import type { AstNode, PlanContext } from '../context.ts';
import { findAll, FILE_OWNER, report, startOf } from '../context.ts';
import { classNameFor, isLegacyClassModule, LEGACY_CLASSES, legacyModelBase } from '../config.ts';
import type { Cardinality } from './zql-chain.ts';

export type WriteOp = 'create' | 'update' | 'destroy' | 'upsert';

export type LegacyBinding =
  | { kind: 'class'; local: string; cardinality: Cardinality }
  | { kind: 'model'; local: string; className: string; destructuredAt?: number | null }
  | { kind: 'write'; local: string; className: string; op: WriteOp; resultObject?: boolean; keyRequired?: boolean; destructuredAt?: number | null };

export const WRITES: ReadonlyArray<readonly [string, WriteOp]> = [['create', 'create'], ['update', 'update'], ['delete', 'destroy'], ['upsert', 'upsert']];

export function collectLegacyBindings(ctx: PlanContext): Map<string, LegacyBinding> {
  const bindings = new Map<string, LegacyBinding>();
  for (const unit of ctx.units) {
    if (unit.kind !== 'script') continue;
    for (const path of findAll(unit, 'ImportDeclaration')) {
      const decl = path.node;
      const specifier = (decl['source'] as AstNode & { value: string }).value;
      const classModule = isLegacyClassModule(ctx.config, specifier);
      const base = legacyModelBase(ctx.config, specifier);
      if ((!classModule && base === null) || decl['importKind'] === 'type') continue;
      const className = base === null ? null : classNameFor(ctx.config, base);
      for (const spec of decl['specifiers'] as AstNode[]) {
        const local = (spec['local'] as AstNode & { name: string }).name;
        if (spec.type === 'ImportNamespaceSpecifier') {
          const legacyNames = className ? [className, ...WRITES.map(([prefix]) => `${prefix}${className}`)] : [...LEGACY_CLASSES];
          const used = ctx.units.some((u) =>
            findAll(u, 'MemberExpression').some(({ node }) => (node['object'] as AstNode)['name'] === local && legacyNames.includes((node['property'] as AstNode)['name'] as string)),
          );
          if (used) report(ctx, FILE_OWNER, startOf(unit, spec), `namespace import of legacy module '${specifier}': the codemod follows named imports only; import the names it uses instead`);
          continue;
        }
        if (spec.type !== 'ImportSpecifier' || spec['importKind'] === 'type') continue;
        const imported = spec['imported'] as AstNode & { name?: string; value?: string };
        const name = imported.name ?? imported.value ?? '';
        if (classModule && (LEGACY_CLASSES as readonly string[]).includes(name)) {
          bindings.set(local, { kind: 'class', local, cardinality: name === 'ReactiveQueryOne' ? 'one' : 'many' });
        } else if (className && name === className) {
          bindings.set(local, { kind: 'model', local, className });
        } else if (className) {
          const write = WRITES.find(([prefix]) => name === `${prefix}${className}`);
          if (write) bindings.set(local, { kind: 'write', local, className, op: write[1] });
        }
      }
    }
  }
  // What the type query found: names from context getters, barrels and re-export chains, and what each mutator
  // resolves to. It refines an import-based binding of the same name.
  for (const typed of ctx.typed) {
    const known = bindings.get(typed.local);
    if (known && known.kind !== typed.kind) continue;
    if (typed.kind === 'model') bindings.set(typed.local, { kind: 'model', local: typed.local, className: typed.className, destructuredAt: typed.destructuredAt });
    else bindings.set(typed.local, { kind: 'write', local: typed.local, className: typed.className, op: typed.op!, resultObject: typed.resultObject, keyRequired: typed.keyRequired, destructuredAt: typed.destructuredAt });
  }
  return bindings;
}
