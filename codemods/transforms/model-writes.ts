/**
 * Legacy mutators -> class-level writes: `createJob(d)` -> `ActiveJob.create(d)` (`ReactiveJob.create(d)` in
 * Svelte code), `updateJob(id, d)` -> `.update(id, d)`, `deleteJob(id)` -> `.destroy(id)`, `upsertJob(d)` -> `.upsert(d)`.
 * A mutator passed around as a value is reported (a bare method reference would lose its model).
 */
import type { PlanContext } from '../context.ts';
import { addEdit, endOf, report } from '../context.ts';
import { replace } from '../edits.ts';
import { isCall } from '../ast.ts';
import { targetFor } from '../config.ts';
import type { FileIndex } from '../references.ts';
import type { LegacyBinding } from './legacy-bindings.ts';

export function rewriteModelWrites(ctx: PlanContext, bindings: ReadonlyMap<string, LegacyBinding>, index: FileIndex): void {
  for (const binding of bindings.values()) {
    if (binding.kind !== 'write' || (ctx.model && binding.className !== ctx.model)) continue;
    const target = targetFor(ctx.config, binding.className, ctx.flavour).local;
    for (const ref of index.references.get(binding.local) ?? []) {
      if (ref.type) continue;
      const owner = `write:${binding.local}@${ref.offset}`;
      const parent = (ref.path.parent as typeof ref.path).node;
      if (!isCall(parent) || parent.callee !== ref.path.node) {
        report(ctx, owner, ref.offset, `${binding.local} is used as a value, not called: wrap it by hand, e.g. (...args) => ${target}.${binding.op}(...args)`);
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
