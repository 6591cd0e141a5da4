/** One index per file of every identifier reference and every declared name, across all units; a private field's uses. */
import type { AstNode, Path, PlanContext, Unit } from './context.ts';
import { findAll, startOf } from './context.ts';
import { inTypePosition, isFunction, isReference, patternNames } from './ast.ts';

export interface Reference {
  readonly unit: Unit;
  readonly path: Path;
  readonly offset: number;
  /** Names a type (`let x: Job`, `new RQ<Job>()`), not a value. */
  readonly type: boolean;
}

export interface FileIndex {
  readonly references: ReadonlyMap<string, readonly Reference[]>;
  /** How many times each name is bound anywhere in the file (scripts and template). */
  readonly declarations: ReadonlyMap<string, number>;
}

export function indexFile(ctx: PlanContext, templateBindings: readonly string[]): FileIndex {
  const references = new Map<string, Reference[]>();
  const declarations = new Map<string, number>();
  const declare = (name: string) => declarations.set(name, (declarations.get(name) ?? 0) + 1);
  templateBindings.forEach(declare);
  for (const unit of ctx.units) {
    findAll(unit, 'Identifier').forEach((p) => {
      if (!isReference(p)) return;
      const node = p.node;
      const list = references.get(node['name'] as string) ?? [];
      list.push({ unit, path: p, offset: startOf(unit, node), type: inTypePosition(p) });
      references.set(node['name'] as string, list);
    });
    findAll(unit, 'VariableDeclarator').forEach((path) => patternNames(path.node['id'] as AstNode).forEach(declare));
    for (const type of ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']) {
      findAll(unit, type).forEach((path) => {
        const node = path.node as unknown as AstNode;
        for (const param of node['params'] as AstNode[]) patternNames(param).forEach(declare);
        const id = node['id'] as AstNode | null | undefined;
        if (id && type === 'FunctionDeclaration') declare(id['name'] as string);
      });
    }
    findAll(unit, 'ClassDeclaration').forEach((path) => {
      const id = path.node['id'] as AstNode | null;
      if (id) declare(id['name'] as string);
    });
    findAll(unit, 'CatchClause').forEach((path) => patternNames(path.node['param'] as AstNode).forEach(declare));
    for (const type of ['ImportSpecifier', 'ImportDefaultSpecifier', 'ImportNamespaceSpecifier']) {
      findAll(unit, type).forEach((path) => declare((path.node['local'] as AstNode)['name'] as string));
    }
  }
  return { references, declarations };
}

export function referencesTo(index: FileIndex, name: string): readonly Reference[] {
  return index.references.get(name) ?? [];
}

const CLASS_MEMBERS = new Set(['ClassMethod', 'ClassPrivateMethod', 'ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty']);

/** The class member `path` is in, if `this` there is that member's `this` (no function in between but arrows); else null. */
function thisOwner(path: Path): Path | null {
  for (let p = path.parent as Path | null; p; p = p.parent as Path | null) {
    if (CLASS_MEMBERS.has(p.node.type)) return p;
    if (p.node.type === 'StaticBlock' || (isFunction(p.node) && p.node.type !== 'ArrowFunctionExpression')) return null;
  }
  return null;
}

function within(path: Path, node: AstNode): boolean {
  for (let p = path.parent as Path | null; p; p = p.parent as Path | null) if (p.node === node) return true;
  return false;
}

/**
 * The uses of the private field `#key` declared in the class body `body`: `this.#key` in the class's own instance
 * members (`follow`), and any other use inside the class (`lost`: another object's `#key`, `#key in x`, `this` of a
 * nested function, class or static member). A `#key` of another class is not this field and is neither.
 */
export function privateFieldUses(unit: Unit, body: AstNode, key: string): { readonly follow: Path[]; readonly lost: Path[] } {
  const follow: Path[] = [];
  const lost: Path[] = [];
  const named = (node: AstNode | undefined) => node?.type === 'PrivateName' && (node['id'] as AstNode)['name'] === key;
  for (const type of ['MemberExpression', 'OptionalMemberExpression', 'BinaryExpression']) {
    for (const path of findAll(unit, type)) {
      const node = path.node;
      if (!named((type === 'BinaryExpression' ? node['left'] : node['property']) as AstNode) || !within(path, body)) continue;
      const owner = thisOwner(path);
      const ours = type !== 'BinaryExpression' && (node['object'] as AstNode).type === 'ThisExpression' && owner?.parent?.node === body && owner.node['static'] !== true;
      (ours ? follow : lost).push(path);
    }
  }
  return { follow, lost };
}
