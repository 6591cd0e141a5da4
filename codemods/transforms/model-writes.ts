/**
 * Legacy mutators -> class-level writes: `createJob(d)` -> `ActiveJob.create_bang(d)` (`ReactiveJob.create_bang(d)` in
 * Svelte code), `updateJob(id, d)` -> `.update_bang(id, d)`, `deleteJob(id)` -> `.destroy(id)`, `upsertJob(d)` ->
 * `.upsert(d)` when `d` carries its `id` (the legacy mutator's type requires it, or the literal sets it).
 * The outcome stays the same: a legacy mutator that rejects on failure becomes Rails' raising `create!` / `update!`;
 * one that resolves `{ success: false }` instead (its result unread, else reported) becomes Rails' `create` / `update`,
 * which resolve with the record and its `errors` when a validation fails.
 * A mutator passed around as a value is reported (a bare method reference would lose its model).
 */
import type { AstNode, Path, PlanContext, Unit } from '../context.ts';
import { addEdit, endOf, report } from '../context.ts';
import { replace } from '../edits.ts';
import { isCall, isIdentifier, isMember, memberName } from '../ast.ts';
import { targetFor } from '../config.ts';
import type { FileIndex } from '../references.ts';
import type { LegacyBinding, WriteOp } from './legacy-bindings.ts';

/**
 * Whether the value of the call at `call` (awaited or not) is used, rather than the call standing as a statement or as
 * the body of an arrow that is a whole template expression (`onclick={() => deleteJob(id)}`: a handler's result goes
 * nowhere). An arrow elsewhere (`ids.map((id) => updateJob(...))`) hands its result on.
 */
function resultIsRead(call: Path, unit: Unit): boolean {
  let value = call;
  if ((value.parent as Path).node.type === 'AwaitExpression') value = value.parent as Path;
  const holder = (value.parent as Path).node;
  if (holder.type === 'ArrowFunctionExpression' && holder['body'] === value.node && holder === unit.rootNode) return false;
  return holder.type !== 'ExpressionStatement';
}

/** Whether an upsert's argument is an object literal that sets `id` itself. */
function namesKey(argument: AstNode | undefined): boolean {
  if (argument?.type !== 'ObjectExpression') return false;
  return (argument['properties'] as AstNode[]).some((p) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p['computed'] && isIdentifier(p['key'] as AstNode, 'id'));
}

/** The Rails write with the legacy call's outcome: raising where the legacy mutator rejected on failure. */
function methodFor(binding: Extract<LegacyBinding, { kind: 'write' }>): string {
  const validates = binding.op === 'create' || binding.op === 'update';
  return validates && !binding.resultObject ? `${binding.op}_bang` : binding.op;
}

/** What the converted call resolves to, for the report of a result object that is read. */
const OUTCOME: Readonly<Record<WriteOp, string>> = {
  create: 'resolves to the record, with its messages in record.errors when a validation failed (check record.errors.any_p()), and rejects with a typed error on other failures',
  update: 'resolves to the record, with its messages in record.errors when a validation failed (check record.errors.any_p()), and rejects with a typed error on other failures',
  destroy: 'resolves to nothing (the record for ActiveRecord) and rejects with a typed error on failure (try/catch)',
  upsert: 'resolves to nothing and rejects with a typed error on failure (try/catch)',
};

/** Whether the converted write resolves to nothing: Rails' upsert, and a reactive model's destroy (ActiveRecord's has the record). */
function resolvesToNothing(op: WriteOp, flavour: PlanContext['flavour']): boolean {
  return op === 'upsert' || (op === 'destroy' && flavour === 'reactive');
}

export function rewriteModelWrites(ctx: PlanContext, bindings: ReadonlyMap<string, LegacyBinding>, index: FileIndex): void {
  for (const binding of bindings.values()) {
    if (binding.kind !== 'write' || (ctx.model && binding.className !== ctx.model)) continue;
    const target = targetFor(ctx.config, binding.className, ctx.flavour).local;
    for (const ref of index.references.get(binding.local) ?? []) {
      if (ref.type) continue;
      const owner = `write:${binding.local}@${ref.offset}`;
      const parent = (ref.path.parent as typeof ref.path).node;
      if (ref.offset === binding.destructuredAt) continue;
      if (!isCall(parent) || parent.callee !== ref.path.node) {
        report(ctx, owner, ref.offset, `${binding.local} is used as a value, not called: wrap it by hand, e.g. (...args) => ${target}.${binding.op}(...args)`);
        continue;
      }
      const method = methodFor(binding);
      if (binding.op === 'upsert' && !binding.keyRequired && !namesKey(parent.arguments[0])) {
        report(ctx, owner, ref.offset, `${binding.local}(...) without an id in sight: ${target}.upsert() needs the primary key (a legacy upsert may have made one up); pass it, e.g. { id: crypto.randomUUID(), ...data }, then convert`);
        continue;
      }
      const read = resultIsRead(ref.path.parent as Path, ref.unit);
      if (binding.resultObject && read) {
        report(ctx, owner, ref.offset, `the result object of ${binding.local}(...) is read: ${target}.${method}() ${OUTCOME[binding.op]} instead of resolving { success: false, error }; rewrite the check`);
        continue;
      }
      // The legacy mutators resolved `{ id }`: a record has it, but nothing is not one.
      if (resolvesToNothing(binding.op, ctx.flavour) && read) {
        report(ctx, owner, ref.offset, `the result of ${binding.local}(...) is read: ${target}.${method}() ${OUTCOME[binding.op]}, where the legacy mutator resolved { id }; take the id from what you pass, then convert`);
        continue;
      }
      addEdit(ctx, owner, replace(ref.offset, endOf(ref.unit, ref.path.node), `${target}.${method}`));
      ctx.targetUses.push({ owner, className: binding.className, unit: ref.unit });
    }
  }
}

/** Legacy classes and model objects referenced other than by a construction the codemod understood. */
export function reportStrayLegacyReferences(ctx: PlanContext, bindings: ReadonlyMap<string, LegacyBinding>, index: FileIndex, consumed: ReadonlySet<unknown>): void {
  for (const binding of bindings.values()) {
    if (binding.kind === 'write') continue;
    if (binding.kind === 'model' && ctx.model && binding.className !== ctx.model) continue;
    for (const ref of index.references.get(binding.local) ?? []) {
      if (ref.type || consumed.has(ref.path.node)) continue;
      // A custom method (`Job.findProgressive(id)`) is named: its call is what needs a human.
      const parent = (ref.path.parent as typeof ref.path).node;
      const member = binding.kind === 'model' && isMember(parent) && parent.object === ref.path.node ? memberName(parent) : null;
      const what = binding.kind === 'class' ? `legacy class ${binding.local}` : `legacy model object ${binding.local}`;
      const how = binding.kind === 'class' ? `new ${binding.local}(() => ...)` : `${binding.local}.find/all/where(...)`;
      report(ctx, `stray:${ref.offset}`, ref.offset, `${what} used in a way the codemod does not convert (${member ? `${binding.local}.${member}; ` : ''}only ${how} is)`);
    }
  }
}
