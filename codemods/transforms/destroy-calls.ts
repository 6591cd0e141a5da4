/**
 * `h.destroy()` and `onDestroy(() => h.destroy())` go away: the new handles release their views by themselves
 * when nothing reads them. An `onDestroy` whose every statement was such a call goes as a whole.
 */
import type { AstNode, Path, PlanContext, Unit } from '../context.ts';
import { addEdit, endOf, findAll, report, startOf } from '../context.ts';
import { replace, statementRange, survives, type Edit } from '../edits.ts';
import { isCall, isIdentifier } from '../ast.ts';
import type { Handle } from './query-handles.ts';

interface DestroySite {
  readonly owner: string;
  readonly unit: Unit;
  readonly statement: Path;
}

const sites = new WeakMap<PlanContext, DestroySite[]>();

/** Local names of Svelte's `onDestroy` in this file. */
function onDestroyNames(ctx: PlanContext): Set<string> {
  const names = new Set<string>();
  for (const unit of ctx.units) {
    if (unit.kind !== 'script') continue;
    for (const path of findAll(unit, 'ImportSpecifier')) {
      const decl = (path.parent as Path).node;
      const imported = path.node['imported'] as AstNode;
      if ((decl['source'] as AstNode)['value'] === 'svelte' && imported['name'] === 'onDestroy') names.add((path.node['local'] as AstNode)['name'] as string);
    }
  }
  return names;
}

/** `onDestroy(fn)` as a statement of its own, with `fn` at `fnPath`: the statement path, else null. */
function onDestroyStatement(ctx: PlanContext, fnPath: Path): Path | null {
  const call = fnPath.parent as Path;
  if (!isCall(call.node) || call.node.arguments.length !== 1 || call.node.arguments[0] !== fnPath.node) return null;
  if (!isIdentifier(call.node.callee) || !onDestroyNames(ctx).has(call.node.callee.name)) return null;
  const statement = call.parent as Path;
  return statement.node.type === 'ExpressionStatement' ? statement : null;
}

function removeStatement(ctx: PlanContext, owner: string, unit: Unit, statement: Path): void {
  const range = statementRange(ctx.source, startOf(unit, statement.node), endOf(unit, statement.node));
  addEdit(ctx, owner, replace(range.start, range.end));
}

/** Plans the removal of `h.destroy()` at `member` (the `h.destroy` expression). */
export function planDestroyCall(ctx: PlanContext, handle: Handle, member: Path): void {
  const unit = handle.unit;
  const call = member.parent as Path;
  const label = handle.name ?? `${handle.className} query`;
  const at = startOf(unit, member.node);
  if (!isCall(call.node) || call.node.callee !== member.node || call.node.arguments.length) {
    return report(ctx, handle.id, at, `${label}.destroy is used as a value`);
  }
  const holder = call.parent as Path;
  if (holder.node.type === 'ExpressionStatement') {
    removeStatement(ctx, handle.id, unit, holder);
    const list = sites.get(ctx) ?? [];
    list.push({ owner: handle.id, unit, statement: holder });
    sites.set(ctx, list);
    return;
  }
  if (holder.node.type === 'ArrowFunctionExpression' && holder.node['body'] === call.node) {
    const statement = onDestroyStatement(ctx, holder);
    if (statement) return removeStatement(ctx, handle.id, unit, statement);
  }
  report(ctx, handle.id, at, `${label}.destroy() inside an expression the codemod does not recognise (only statements and onDestroy(() => h.destroy()) are removed)`);
}

/** After withdrawn owners are gone: drops `onDestroy(() => { a.destroy(); b.destroy(); })` blocks left empty. */
export function collapseEmptyOnDestroy(ctx: PlanContext, surviving: readonly Edit[]): Edit[] {
  const added: Edit[] = [];
  const seen = new Set<AstNode>();
  for (const site of sites.get(ctx) ?? []) {
    const block = site.statement.parent as Path;
    if (block.node.type !== 'BlockStatement' || seen.has(block.node)) continue;
    seen.add(block.node);
    const statement = onDestroyStatement(ctx, block.parent as Path);
    if (!statement) continue;
    const body = block.node['body'] as AstNode[];
    const allGone = body.every((s) => !survives(startOf(site.unit, s), surviving));
    if (!allGone) continue;
    const range = statementRange(ctx.source, startOf(site.unit, statement.node), endOf(site.unit, statement.node));
    added.push(replace(range.start, range.end));
  }
  return added;
}
