/**
 * Legacy mutators -> class-level writes: `createJob(d)` -> `ActiveJob.create(d)` (`ReactiveJob.create(d)` in
 * Svelte code), `updateJob(id, d)` -> `.update(id, d)`, `deleteJob(id)` -> `.destroy(id)`, `upsertJob(d)` -> `.upsert(d)`.
 * A mutator passed around as a value is reported (a bare method reference would lose its model).
 */
import type { Path, PlanContext } from '../context.ts';
import { addEdit, endOf, report } from '../context.ts';
import { replace } from '../edits.ts';
import { isCall } from '../ast.ts';
import { targetFor } from '../config.ts';
import type { FileIndex } from '../references.ts';
import type { LegacyBinding } from './legacy-bindings.ts';

/** Whether the value of the call at `call` (awaited or not) is used, rather than the call standing as a statement. */
function resultIsRead(call: Path): boolean {
  let holder = call.parent as Path;
  if (holder.node.type === 'AwaitExpression') holder = holder.parent as Path;
  return holder.node.type !== 'ExpressionStatement';
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
      if (binding.resultObject && resultIsRead(ref.path.parent as Path)) {
        report(ctx, owner, ref.offset, `the result object of ${binding.local}(...) is read: ${target}.${binding.op}() resolves to the record (nothing for destroy) and rejects with a typed error instead of resolving { success: false, error }; rewrite the check as try/catch`);
        continue;
      }
      addEdit(ctx, owner, replace(ref.offset, endOf(ref.unit, ref.path.node), `${target}.${binding.op}`));
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
      const what = binding.kind === 'class' ? `legacy class ${binding.local}` : `legacy model object ${binding.local}`;
      report(ctx, `stray:${ref.offset}`, ref.offset, `${what} used in a way the codemod does not convert (only new ${binding.kind === 'class' ? `${binding.local}(() => ...)` : `${binding.local}.find/all/where(...)`} is)`);
    }
  }
}
