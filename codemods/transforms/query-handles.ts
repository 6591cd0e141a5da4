/**
 * Finds every legacy query handle and rewrites its construction: `new ReactiveQuery(One)(thunk, default, ttl)`
 * and the model-object finders `Job.find(id)` / `Job.all()` / `Job.where(conds)`. A handle is tracked by data
 * flow: the variable it is assigned to (`const`, `$derived(...)`, Svelte 4 `$: h = ...`), a `#private` class field
 * (read only as `this.#field` in its class), or the member read right on it (`Job.find(id).current`). Anything
 * else cannot be followed and is reported.
 */
import type { AstNode, Path, PlanContext, Unit } from '../context.ts';
import { addEdit, endOf, findAll, report, startOf } from '../context.ts';
import { keep, replace, statementRange, type Part } from '../edits.ts';
import { classNameFor, targetFor } from '../config.ts';
import { enclosingFunction, isCall, isFunction, isIdentifier, isMember, isStringLiteral, memberName } from '../ast.ts';
import type { LegacyBinding } from './legacy-bindings.ts';
import { parseQueryThunk, renderQuery, type Cardinality } from './zql-chain.ts';

export interface Handle {
  /** Owner of every edit and diagnostic that belongs to this handle. */
  readonly id: string;
  /** The variable holding it, or null for an inline `Job.find(id).current`. */
  readonly name: string | null;
  readonly cardinality: Cardinality;
  readonly className: string;
  readonly unit: Unit;
  readonly exprPath: Path;
  /** The identifier node that declares `name` (skipped when its references are classified). */
  readonly declaredBy: AstNode | null;
  /** The `#private` instance field holding the handle: its reads are `this.#key` in the class, not references to `name`. */
  readonly field: PrivateField | null;
}

export interface PrivateField {
  /** The ClassBody declaring it. */
  readonly body: AstNode;
  readonly key: string;
}

interface Declaration {
  readonly name: string;
  readonly id: AstNode;
  readonly declarator: AstNode;
  readonly field: PrivateField | null;
}

export interface HandleScan {
  readonly handles: Handle[];
  /** Identifier nodes of legacy bindings consumed by a recognised construction (or left alone for `--model`). */
  readonly consumed: Set<AstNode>;
}

const FINDERS = new Set(['find', 'all', 'where']);

function isDerived(node: AstNode | undefined): boolean {
  return isCall(node) && isIdentifier(node.callee, '$derived') && node.arguments.length === 1;
}

/** What holds the handle expression at `path` (a declarator, class property, assignment...), through `$derived(...)`. */
function holder(path: Path): Path {
  const p = path.parent as Path;
  return isDerived(p.node) ? (p.parent as Path) : p;
}

/** The name a handle expression is stored in, and the identifier node that declares it. */
function declaration(path: Path): Declaration | null {
  const p = holder(path);
  const node = p.node;
  if (node.type === 'VariableDeclarator' && isIdentifier(node['id'] as AstNode)) {
    const id = node['id'] as AstNode & { name: string };
    return { name: id.name, id, declarator: node, field: null };
  }
  // Only a private instance field: no code outside its class can read it, so its class's methods are all its reads.
  if (node.type === 'ClassPrivateProperty' && node['static'] !== true) {
    const id = (node['key'] as AstNode)['id'] as AstNode & { name: string };
    return { name: `this.#${id.name}`, id, declarator: node, field: { body: (p.parent as Path).node, key: id.name } };
  }
  if (node.type === 'AssignmentExpression' && node['operator'] === '=' && isIdentifier(node['left'] as AstNode)) {
    const statement = (p.parent as Path).node;
    const label = (p.parent?.parent as Path | undefined)?.node;
    if (statement.type === 'ExpressionStatement' && label?.type === 'LabeledStatement' && isIdentifier(label['label'] as AstNode, '$')) {
      const id = node['left'] as AstNode & { name: string };
      return { name: id.name, id, declarator: node, field: null };
    }
  }
  return null;
}

function isExported(path: Path): boolean {
  for (let p = path.parent as Path | null; p; p = p.parent as Path | null) {
    if (p.node.type === 'VariableDeclaration') return (p.parent as Path | null)?.node.type === 'ExportNamedDeclaration';
    if (isFunction(p.node)) return false;
  }
  return false;
}

/**
 * The JSDoc comments giving a type (`/** @type {ReactiveQuery<Job>} *\/`) to a handle's construction or the declaration
 * holding it, and whether the type tag is all the comment says.
 */
function typeDocs(path: Path): { comment: AstNode; alone: boolean }[] {
  const found: { comment: AstNode; alone: boolean }[] = [];
  for (let p: Path | null = path; p && !isFunction(p.node); p = p.parent as Path | null) {
    for (const comment of (p.node['leadingComments'] as AstNode[] | null | undefined) ?? []) {
      const text = comment['value'] as string;
      if (comment.type !== 'CommentBlock' || !text.startsWith('*') || !/@(type|satisfies)\b/.test(text)) continue;
      const lines = text.slice(1).split('\n').map((line) => line.replace(/^\s*\*?/, '').trim()).filter(Boolean);
      found.push({ comment, alone: lines.length === 1 && /^@(type|satisfies)\s*\{.*\}$/.test(lines[0]!) });
    }
    if (['VariableDeclaration', 'ClassPrivateProperty', 'LabeledStatement'].includes(p.node.type)) break;
  }
  return found;
}

/** A comment's own lines when nothing else is on them, else the comment and the spaces after it. */
function commentRange(source: string, start: number, end: number): [number, number] {
  const range = statementRange(source, start, end);
  if (range.start !== start) return [range.start, range.end];
  let after = end;
  while (source[after] === ' ' || source[after] === '\t') after++;
  return [start, after];
}

type Built = { ok: true; cardinality: Cardinality; className: string; parts: (target: string) => Part[] | string } | { ok: false; reason: string; offset: number };

function buildFromClass(ctx: PlanContext, unit: Unit, node: AstNode, cardinality: Cardinality): Built {
  const args = node['arguments'] as AstNode[];
  const parsed = parseQueryThunk(unit, args[0]);
  if (!parsed.ok) return parsed;
  const query = parsed.value;
  if (query.cardinality !== cardinality) {
    return { ok: false, offset: startOf(unit, node), reason: cardinality === 'one' ? 'ReactiveQueryOne over a query without .one()' : 'ReactiveQuery over a .one() query' };
  }
  const fallback = args[1];
  const expected = cardinality === 'one' ? fallback?.type === 'NullLiteral' : fallback?.type === 'ArrayExpression' && (fallback['elements'] as AstNode[]).length === 0;
  if (fallback && !expected && !isIdentifier(fallback, 'undefined')) {
    return { ok: false, offset: startOf(unit, fallback), reason: 'custom default value: the model has no default, the value before loading would change' };
  }
  const ttlArg = args[2];
  if (args.length > 3) return { ok: false, offset: startOf(unit, node), reason: 'unexpected extra constructor arguments' };
  const ttl = !ttlArg || (isStringLiteral(ttlArg) && ttlArg.value === ctx.config.defaultTtl) ? null : [keep(startOf(unit, ttlArg), endOf(unit, ttlArg))];
  const className = classNameFor(ctx.config, query.table);
  return {
    ok: true,
    cardinality,
    className,
    parts: (target) => {
      const rendered = renderQuery(unit, ctx.source, target, query, ttl, node);
      return rendered.ok ? rendered.value : rendered.reason;
    },
  };
}

function buildFromModel(unit: Unit, node: AstNode, className: string): Built {
  const finder = memberName(node['callee'] as AstNode)!;
  const args = node['arguments'] as AstNode[];
  const arg = args[0];
  if (args.some((a) => a.type === 'SpreadElement')) return { ok: false, offset: startOf(unit, node), reason: `${className}.${finder}() with a spread argument` };
  if (finder === 'all' && args.length === 0) return { ok: true, cardinality: 'many', className, parts: (t) => [t, '.all()'] };
  if (args.length !== 1 || !arg) return { ok: false, offset: startOf(unit, node), reason: `${className}.${finder}() with unexpected arguments` };
  const value = keep(startOf(unit, arg), endOf(unit, arg));
  if (finder === 'where') return { ok: true, cardinality: 'many', className, parts: (t) => [t, '.where(', value, ')'] };
  const shorthand = isIdentifier(arg, 'id');
  // The legacy handle gave null for a missing id; find_by does too (find would raise RecordNotFoundError).
  return { ok: true, cardinality: 'one', className, parts: (t) => (shorthand ? [t, '.find_by({ id })'] : [t, '.find_by({ id: ', value, ' })']) };
}

/** Legacy construction sites in one unit: `new RQ(...)` and `Job.find|all|where(...)`. */
function constructions(unit: Unit, bindings: ReadonlyMap<string, LegacyBinding>): { path: Path; binding: LegacyBinding; ref: AstNode }[] {
  const found: { path: Path; binding: LegacyBinding; ref: AstNode }[] = [];
  for (const path of findAll(unit, 'NewExpression')) {
    const callee = path.node['callee'] as AstNode;
    const binding = isIdentifier(callee) ? bindings.get(callee.name) : undefined;
    if (binding?.kind === 'class') found.push({ path, binding, ref: callee });
  }
  for (const type of ['CallExpression', 'OptionalCallExpression']) {
    for (const path of findAll(unit, type)) {
      const callee = path.node['callee'] as AstNode;
      if (!isMember(callee) || !isIdentifier(callee.object)) continue;
      const binding = bindings.get(callee.object.name);
      if (binding?.kind === 'model' && FINDERS.has(memberName(callee) ?? '')) found.push({ path, binding, ref: callee.object });
    }
  }
  return found;
}

export function scanHandles(ctx: PlanContext, bindings: ReadonlyMap<string, LegacyBinding>): HandleScan {
  const handles: Handle[] = [];
  const consumed = new Set<AstNode>();
  for (const unit of ctx.units) {
    for (const { path, binding, ref } of constructions(unit, bindings)) {
      const node = path.node;
      const at = startOf(unit, node);
      const built = binding.kind === 'class' ? buildFromClass(ctx, unit, node, binding.cardinality) : buildFromModel(unit, node, (binding as { className: string }).className);
      const decl = declaration(path);
      const id = `handle:${decl?.name ?? 'inline'}@${at}`;
      if (built.ok && ctx.model && built.className !== ctx.model) {
        consumed.add(ref);
        continue;
      }
      consumed.add(ref);
      if (!built.ok) {
        report(ctx, id, built.offset, built.reason);
        continue;
      }
      if (ctx.legacyMode()) {
        report(ctx, id, at, 'legacy-mode component (Svelte 4 syntax, no runes): Svelte reads members here untracked, so a model\'s live query would neither start nor update; convert the component to runes ($props, $derived), then migrate it');
        continue;
      }
      const target = targetFor(ctx.config, built.className, ctx.flavour).local;
      const parts = built.parts(target);
      if (typeof parts === 'string') {
        report(ctx, id, at, parts);
        continue;
      }
      const inline = isMember((path.parent as Path).node) && (path.parent as Path).node['object'] === node;
      if (!decl && !inline) {
        const held = holder(path).node;
        const field = ['ClassProperty', 'ClassPrivateProperty'].includes(held.type);
        // `this.#jobs = new ReactiveQuery(...)` (in a constructor, say): a #private field, but not its initializer.
        const assigned = held.type === 'AssignmentExpression' && isMember(held['left'] as AstNode) && ((held['left'] as AstNode)['property'] as AstNode).type === 'PrivateName';
        report(
          ctx,
          id,
          at,
          field
            ? 'legacy query stored in a class field code outside the class can read (public, protected, TS private or static): its reads cannot be followed; a #private field is migrated'
            : assigned
              ? "legacy query assigned to a #private field outside its declaration: only a #private field's initializer (`#jobs = ...`) is migrated; move it there"
              : 'legacy query is not stored in a variable (or is stored in an object): its reads cannot be followed',
        );
        continue;
      }
      if (decl && isExported(path)) {
        report(ctx, id, at, `${decl.name} is exported: its reads in other modules cannot be followed`);
        continue;
      }
      // `const q: ReactiveQuery<Job> = ...`: the annotation names what the handle was; the model's type is inferred.
      const annotation = (decl?.field ? decl.declarator : decl?.id)?.['typeAnnotation'] as AstNode | null | undefined;
      if (annotation) addEdit(ctx, id, replace(startOf(unit, annotation), endOf(unit, annotation)));
      // JavaScript's annotation is a JSDoc `@type` (or `@satisfies`): it goes too, when it is all its comment says.
      const docs = typeDocs(path);
      if (docs.some((doc) => !doc.alone)) {
        report(ctx, id, at, `${decl?.name ?? 'the query'} has a JSDoc type beside other documentation: it names what the handle was; take the type tag out by hand, then migrate`);
        continue;
      }
      for (const { comment } of docs) addEdit(ctx, id, replace(...commentRange(ctx.source, startOf(unit, comment), endOf(unit, comment))));
      if (ctx.flavour === 'active' && built.cardinality === 'one' && decl && !enclosingFunction(path)) {
        const when = decl.field ? 'once, when the object is built, and every later read would get that answer' : 'at import time';
        report(ctx, id, at, `${decl.field ? 'class-field' : 'module-level'} one-record query ${decl.name}: an ActiveRecord find_by would run ${when}`);
        continue;
      }
      addEdit(ctx, id, replace(at, endOf(unit, node), ...parts));
      ctx.targetUses.push({ owner: id, className: built.className, unit });
      handles.push({ id, name: decl?.name ?? null, cardinality: built.cardinality, className: built.className, unit, exprPath: path, declaredBy: decl?.id ?? null, field: decl?.field ?? null });
    }
  }
  return { handles, consumed };
}
