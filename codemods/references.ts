/** One index per file of every identifier reference and every declared name, across all units. */
import type { AstNode, Path, PlanContext, Unit } from './context.ts';
import { findAll, startOf } from './context.ts';
import { inTypePosition, isReference, patternNames } from './ast.ts';

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
