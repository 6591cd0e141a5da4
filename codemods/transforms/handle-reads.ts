/**
 * Reads on a legacy handle, rewritten to the target state API:
 * `.current/.data/.value` -> the handle itself (collections), `h?.title` / `h.$found` / `h.$record` (one record),
 * `(await h)` in plain TS; `.isLoading/.loading` -> `.$loading`; `.error` -> `.$error`; `.resultType` compared with
 * 'loading' or 'error' -> `.$status`. Any use the codemod cannot prove equivalent (passed along, subscribed,
 * reassigned, bound) is reported and withdraws the handle's edits.
 */
import type { AstNode, Path, PlanContext } from '../context.ts';
import { addEdit, endOf, report, startOf } from '../context.ts';
import { keep, replace, type Part } from '../edits.ts';
import { enclosingFunction, isCall, isMember, isStringLiteral, memberName } from '../ast.ts';
import { privateFieldUses, type FileIndex } from '../references.ts';
import type { Handle } from './query-handles.ts';
import { planDestroyCall } from './destroy-calls.ts';

const VALUE = new Set(['current', 'data', 'value']);
/** What a live collection answers directly, as the array did (a guard test compares each on a real collection); other array methods go through `toArray()` (`includes` is Rails' eager loading there). */
export const COLLECTION = new Set(['length', 'map', 'filter', 'find', 'some', 'every', 'forEach', 'slice', 'reduce', 'indexOf', 'toArray', 'at']);
const ASSIGNING = new Set(['AssignmentExpression', 'UpdateExpression']);

/** Whether the value of the expression at `path` only decides a branch (its truthiness). */
function inTest(path: Path, unitRoot: AstNode | null, rootContext: string): boolean {
  const node = path.node;
  if (unitRoot && node === unitRoot) return rootContext === 'test';
  const parent = (path.parent as Path).node;
  switch (parent.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ConditionalExpression':
      return parent['test'] === node;
    case 'UnaryExpression':
      return parent['operator'] === '!';
    case 'LogicalExpression':
      if (parent['operator'] === '&&' && parent['left'] === node) return true;
      return parent['operator'] !== '??' && inTest(path.parent as Path, unitRoot, rootContext);
    default:
      return false;
  }
}

/** Whether `(await h)` needs its parentheses where it stands. */
function needsParens(path: Path): boolean {
  const parent = (path.parent as Path).node;
  const node = path.node;
  if (parent.type === 'VariableDeclarator' || parent.type === 'ReturnStatement' || parent.type === 'ExpressionStatement') return false;
  if (parent.type === 'ArrowFunctionExpression' || parent.type === 'ArrayExpression' || parent.type === 'SpreadElement') return false;
  if (isCall(parent)) return parent.callee === node;
  if (parent.type === 'ObjectProperty') return parent['value'] !== node;
  if (parent.type === 'AssignmentExpression') return parent['right'] !== node;
  return true;
}

/** `h.current` (or `.data` / `.value`) at `member`; `self` renders the handle expression. */
function rewriteValueRead(ctx: PlanContext, handle: Handle, member: Path, self: Part): void {
  const unit = handle.unit;
  const node = member.node;
  const start = startOf(unit, node);
  const end = endOf(unit, node);
  let parentPath = member.parent as Path;
  let parent = parentPath.node;
  const label = handle.name ?? `${handle.className} query`;
  if (ASSIGNING.has(parent.type) && (parent['left'] === node || parent['argument'] === node)) {
    return report(ctx, handle.id, start, `${label}.current is assigned to: the handle cannot be rewritten`);
  }
  if (ctx.flavour === 'active') {
    const fn = enclosingFunction(member);
    if (!fn || fn['async'] !== true) {
      return report(ctx, handle.id, start, `synchronous read of ${label} in plain TS/JS: ActiveRecord reads are async (await them in an async function), so this stays on compat`);
    }
    const parts: Part[] = needsParens(member) ? ['(await ', self, ')'] : ['await ', self];
    return addEdit(ctx, handle.id, replace(start, end, ...parts));
  }
  // `h.current!.title` reads like `h.current.title`, but asserts the record is there: `h.$record!.title` keeps that
  // (the row's type for `title`, and a TypeError when it is missing), where `h.title` would be `undefined`.
  let through = node;
  if (parent.type === 'TSNonNullExpression') {
    through = parent;
    parentPath = parentPath.parent as Path;
    parent = parentPath.node;
  }
  if (isMember(parent) && parent.object === through) {
    if (ASSIGNING.has((parentPath.parent as Path).node.type) && (parentPath.parent as Path).node['left'] === parent) {
      return report(ctx, handle.id, start, `${label}.current.<field> is assigned to: records change through update(), not assignment`);
    }
    if (handle.cardinality === 'one') return addEdit(ctx, handle.id, replace(start, endOf(unit, through), ...(through === node ? [self] : [self, '.$record!'])));
    // `h.current[i]` stays index access on the collection: the same values as the array's for every key (at() would
    // read -1 as the last record), and TypeScript still narrows `{#if h[0]}{h[0].title}{/if}` as it did.
    if (parent.computed) return addEdit(ctx, handle.id, replace(start, endOf(unit, through), self));
    const name = memberName(parent) ?? '';
    return addEdit(ctx, handle.id, replace(start, endOf(unit, through), ...(COLLECTION.has(name) ? [self] : [self, '.toArray()'])));
  }
  if (isCall(parent) && parent.callee === through) return report(ctx, handle.id, start, `${label}.current is called`);
  if (unit.rootContext === 'bind' && through === unit.rootNode) return report(ctx, handle.id, start, `bind: to ${label}.current: the new handles are read-only`);
  if (handle.cardinality === 'one') {
    if (copiedAsRow(parentPath, through)) {
      return report(ctx, handle.id, start, `${label}.current is copied as a plain row (a spread, Object.assign, JSON...): the record's columns are getters, which a copy does not take; copy its attributes() by hand`);
    }
    const test = inTest(member, unit.rootNode, unit.rootContext);
    return addEdit(ctx, handle.id, replace(start, end, self, test ? '.$found' : '.$record'));
  }
  // Only iterated (`{#each}`, for...of, spread), the collection reads as the array did. Anywhere else the value goes
  // on (a declaration, `$derived`, an assignment, a return, an argument, a prop), and what receives it may rely on a
  // real array (its declared type, sort, push, Array.isArray, JSON): hand it a copy, as the legacy `current` was.
  const iterated = (unit.rootContext === 'each' && through === unit.rootNode) || parent.type === 'SpreadElement' || (parent.type === 'ForOfStatement' && parent['right'] === through);
  return addEdit(ctx, handle.id, replace(start, end, ...(iterated ? [self] : [self, '.toArray()'])));
}

/** The calls that copy an object's own properties (a record's columns, read through getters, are not its own). */
const COPYING = new Set(['Object.assign', 'Object.keys', 'Object.values', 'Object.entries', 'JSON.stringify', 'structuredClone']);

/**
 * True when the value at `node` (under `parentPath`) is copied as a row: spread into an object or props, or handed to a
 * call that copies own properties, directly or as a branch of `??`, `||`, `?:` or a cast. The legacy `current` was a
 * plain row; a record is not.
 */
function copiedAsRow(parentPath: Path, node: AstNode): boolean {
  let path: Path | null = parentPath;
  let value = node;
  while (path) {
    const parent = path.node;
    if (parent.type === 'SpreadElement' || parent.type === 'SpreadAttribute' || parent.type === 'JSXSpreadAttribute') return true;
    if (isCall(parent)) {
      const callee = parent.callee as AstNode;
      const name = isMember(callee) ? `${(callee.object as AstNode)['name'] as string}.${memberName(callee) ?? ''}` : ((callee['name'] as string | undefined) ?? '');
      return COPYING.has(name) && (parent['arguments'] as AstNode[]).includes(value);
    }
    const passes = parent.type === 'LogicalExpression' || parent.type === 'ParenthesizedExpression' || parent.type.startsWith('TS') || (parent.type === 'ConditionalExpression' && parent['test'] !== value);
    if (!passes) return false;
    value = parent;
    path = path.parent as Path | null;
  }
  return false;
}

/** What `h.resultType` is compared with that `h.$status` says alike: the other values differ from app to app. */
const STATUS_LIKE = new Set(['loading', 'error']);
const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** `h.resultType === 'loading'` / `'error'` (either side, any equality) -> `h.$status ...`; anything else is reported. */
function rewriteResultType(ctx: PlanContext, handle: Handle, member: Path, unit: PlanContext['units'][number], label: string): void {
  const node = member.node;
  const at = startOf(unit, node);
  const compared = (member.parent as Path).node;
  const other = compared.type === 'BinaryExpression' && EQUALITY.has(compared['operator'] as string) ? ((compared['left'] === node ? compared['right'] : compared['left']) as AstNode) : null;
  if (ctx.flavour === 'active') return report(ctx, handle.id, at, `${label}.resultType in plain TS: an awaited ActiveRecord read has no loading state; keep compat or restructure`);
  if (!isStringLiteral(other) || !STATUS_LIKE.has(other.value)) {
    return report(ctx, handle.id, at, `${label}.resultType is only converted where compared with 'loading' or 'error' (h.$status has those); its other values ('complete', 'unknown') differ between legacy apps`);
  }
  const property = node['property'] as AstNode;
  addEdit(ctx, handle.id, replace(startOf(unit, property), endOf(unit, property), '$status'));
}

/** The legacy state getters and the member each reads as on the new handles. */
const STATE: Readonly<Record<string, string>> = { isLoading: '$loading', loading: '$loading', error: '$error' };

/** What a member read on the handle becomes, for the members a destructuring may take out of it. */
function memberRead(handle: Handle, name: string): string | null {
  if (VALUE.has(name)) return handle.cardinality === 'one' ? '.$record' : '.toArray()';
  return Object.hasOwn(STATE, name) ? `.${STATE[name]}` : null;
}

/** `const { current, isLoading: busy } = h` -> `const current = h.$record, busy = h.$loading` (each a read of its own). */
function rewriteDestructuring(ctx: PlanContext, handle: Handle, declarator: Path, unit: PlanContext['units'][number], self: Part, label: string): void {
  const node = declarator.node;
  const pattern = node['id'] as AstNode;
  const at = startOf(unit, pattern);
  if (ctx.flavour === 'active') return report(ctx, handle.id, at, `destructuring ${label} in plain TS: ActiveRecord reads are async; keep compat or restructure`);
  const properties = pattern['properties'] as AstNode[];
  const unfollowable = () => report(ctx, handle.id, at, `${label} is destructured into something other than its current/data/value, isLoading/loading and error, each to a plain name: the codemod cannot follow it`);
  // An empty pattern would leave a declaration with no declarator.
  if (!properties.length || pattern['typeAnnotation']) return unfollowable();
  const parts: Part[] = [];
  for (const property of properties) {
    const key = property['key'] as AstNode | undefined;
    const local = property['value'] as AstNode | undefined;
    const read = property.type === 'ObjectProperty' && property['computed'] !== true && key?.type === 'Identifier' ? memberRead(handle, key['name'] as string) : null;
    if (read === null || local?.type !== 'Identifier') return unfollowable();
    parts.push(...(parts.length ? [', '] : []), local['name'] as string, ' = ', self, read);
  }
  addEdit(ctx, handle.id, replace(startOf(unit, node), endOf(unit, node), ...parts));
}

/** Classifies one use of the handle (its identifier, or the inline construction) and plans its rewrite. */
function planUse(ctx: PlanContext, handle: Handle, use: Path, useUnitOf: PlanContext['units'][number]): void {
  const node = use.node;
  const parentPath = use.parent as Path;
  const parent = parentPath.node;
  const at = startOf(useUnitOf, node);
  const label = handle.name ?? `${handle.className} query`;
  const self: Part = keep(at, endOf(useUnitOf, node));
  const name = isMember(parent) && parent.object === node ? memberName(parent) : null;
  const scoped: Handle = { ...handle, unit: useUnitOf };
  if (name && VALUE.has(name)) return rewriteValueRead(ctx, scoped, parentPath, self);
  if (name && Object.hasOwn(STATE, name)) {
    if (ctx.flavour === 'active') return report(ctx, handle.id, at, `${label}.${name} in plain TS: an awaited ActiveRecord read has no loading state; keep compat or restructure`);
    if (ASSIGNING.has((parentPath.parent as Path).node.type) && (parentPath.parent as Path).node['left'] === parent) return report(ctx, handle.id, at, `${label}.${name} is assigned to`);
    const property = parent['property'] as AstNode;
    return addEdit(ctx, handle.id, replace(startOf(useUnitOf, property), endOf(useUnitOf, property), STATE[name]!));
  }
  if (parent.type === 'VariableDeclarator' && parent['init'] === node && (parent['id'] as AstNode).type === 'ObjectPattern') return rewriteDestructuring(ctx, handle, parentPath, useUnitOf, self, label);
  if (name === 'resultType') return rewriteResultType(ctx, handle, parentPath, useUnitOf, label);
  if (name === 'destroy') return planDestroyCall(ctx, scoped, parentPath);
  if (name === 'subscribe') return report(ctx, handle.id, at, `${label}.subscribe(...) keeps working only through compat (callback arguments and timing differ); migrate it by hand`);
  if (name) return report(ctx, handle.id, at, `${label}.${name} has no certain equivalent on the new models`);
  return report(ctx, handle.id, at, `${label} is used as a value (passed, returned, exported, spread or reassigned): the codemod cannot follow it`);
}

export function rewriteHandleReads(ctx: PlanContext, handles: readonly Handle[], index: FileIndex): void {
  for (const handle of handles) {
    if (handle.field) {
      const { follow, lost } = privateFieldUses(handle.unit, handle.field.body, handle.field.key);
      for (const use of lost) report(ctx, handle.id, startOf(handle.unit, use.node), `#${handle.field.key} is used here other than as ${handle.name} in its class's own methods: the codemod cannot follow it`);
      for (const use of follow) planUse(ctx, handle, use, handle.unit);
      continue;
    }
    if (!handle.name) {
      planUse(ctx, handle, handle.exprPath, handle.unit);
      continue;
    }
    if ((index.declarations.get(handle.name) ?? 0) > 1) {
      report(ctx, handle.id, startOf(handle.unit, handle.exprPath.node), `${handle.name} is declared more than once in this file: the codemod follows a handle's reads by name, so it cannot tell them apart`);
      continue;
    }
    for (const ref of index.references.get(handle.name) ?? []) {
      if (ref.path.node === handle.declaredBy || ref.type) continue;
      if (handle.unit.script === 'instance' && ref.unit.script === 'module') continue;
      planUse(ctx, handle, ref.path, ref.unit);
    }
  }
}
