/**
 * `const { Job, updateJob, userId } = getZeroContext();` once every use of `Job` and `updateJob` was rewritten to
 * the target model: the names leave the destructuring (`const { userId } = getZeroContext();`), and a
 * destructuring left empty goes as a whole (the getter's import then goes with its last use). A pattern with a
 * rest element keeps every name: removing one would change what the rest collects.
 */
import type { AstNode, PlanContext, Unit } from '../context.ts';
import { endOf, findAll, startOf } from '../context.ts';
import { replace, statementRange, survives, type Edit } from '../edits.ts';
import type { FileIndex } from '../references.ts';
import type { LegacyBinding } from './legacy-bindings.ts';

export function leaveDestructuring(ctx: PlanContext, bindings: ReadonlyMap<string, LegacyBinding>, index: FileIndex, surviving: readonly Edit[]): Edit[] {
  const gone = new Set<number>();
  for (const binding of bindings.values()) {
    if (binding.kind === 'class' || binding.destructuredAt == null) continue;
    const uses = (index.references.get(binding.local) ?? []).filter((r) => !r.type && r.offset !== binding.destructuredAt);
    if (uses.length && uses.every((r) => !survives(r.offset, surviving))) gone.add(binding.destructuredAt);
  }
  if (!gone.size) return [];
  const edits: Edit[] = [];
  for (const unit of ctx.units) {
    if (unit.kind !== 'script') continue;
    for (const path of findAll(unit, 'ObjectPattern')) {
      const pattern = path.node;
      const properties = pattern['properties'] as AstNode[];
      const valueAt = (p: AstNode) => (p.type === 'ObjectProperty' ? startOf(unit, p['value'] as AstNode) : -1);
      const removed = properties.map((p) => gone.has(valueAt(p)));
      if (!removed.some(Boolean) || properties.some((p) => p.type === 'RestElement')) continue;
      const declarator = path.parent?.node as AstNode | undefined;
      const declaration = path.parent?.parent?.node as AstNode | undefined;
      if (removed.every(Boolean) && declarator?.type === 'VariableDeclarator' && declaration?.type === 'VariableDeclaration' && (declaration['declarations'] as AstNode[]).length === 1) {
        const range = statementRange(ctx.source, startOf(unit, declaration), endOf(unit, declaration));
        edits.push(replace(range.start, range.end));
        continue;
      }
      if (removed.every(Boolean)) continue;
      edits.push(...removeProperties(unit, properties, removed));
    }
  }
  return edits;
}

/** Removes the flagged properties with their commas; trailing ones go with the comma after the last kept one. */
function removeProperties(unit: Unit, properties: readonly AstNode[], removed: readonly boolean[]): Edit[] {
  const edits: Edit[] = [];
  const lastKept = removed.lastIndexOf(false);
  for (let i = 0; i < lastKept; i++) {
    if (removed[i]) edits.push(replace(startOf(unit, properties[i]!), startOf(unit, properties[i + 1]!)));
  }
  if (lastKept < properties.length - 1) edits.push(replace(endOf(unit, properties[lastKept]!), endOf(unit, properties[properties.length - 1]!)));
  return edits;
}
