/**
 * Imports after the rewrite: drop what the edits left unused (only names that WERE used: an import nobody used
 * before is not ours to judge), and import the target models the surviving edits refer to, in place of the
 * first legacy import so the diff reads as a swap. Type-only imports that are still used stay as they are.
 */
import type { AstNode, Path, PlanContext, Unit } from '../context.ts';
import { endOf, findAll, startOf } from '../context.ts';
import { replace, statementRange, survives, type Edit } from '../edits.ts';
import { isLegacyClassModule, legacyModelBase, targetFor } from '../config.ts';
import type { FileIndex } from '../references.ts';

export interface ImportPlan {
  readonly edits: Edit[];
  /** Target names already bound to something else in the file: the file must be left alone. */
  readonly collisions: { offset: number; message: string }[];
  /** Every target module the surviving edits refer to (imported now or already). */
  readonly targets: string[];
}

interface Decl {
  readonly unit: Unit;
  readonly path: Path;
  readonly kept: AstNode[];
  readonly dropped: boolean;
}

function lineIndent(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, offset))![0];
}

function specifierText(ctx: PlanContext, unit: Unit, specs: AstNode[]): string {
  const text = (s: AstNode) => ctx.source.slice(startOf(unit, s), endOf(unit, s));
  const head = specs.filter((s) => s.type !== 'ImportSpecifier').map(text);
  const named = specs.filter((s) => s.type === 'ImportSpecifier').map(text);
  if (named.length) head.push(`{ ${named.join(', ')} }`);
  return head.join(', ');
}

function regenerate(ctx: PlanContext, decl: Decl): string {
  const node = decl.path.node;
  const original = ctx.source.slice(startOf(decl.unit, node), endOf(decl.unit, node));
  const source = node['source'] as AstNode;
  const sourceText = ctx.source.slice(startOf(decl.unit, source), endOf(decl.unit, source));
  return `import ${node['importKind'] === 'type' ? 'type ' : ''}${specifierText(ctx, decl.unit, decl.kept)} from ${sourceText}${original.trimEnd().endsWith(';') ? ';' : ''}`;
}

function destination(ctx: PlanContext, uses: readonly Unit[]): Unit {
  const scripts = ctx.units.filter((u) => u.kind === 'script');
  if (uses.some((u) => u.script === 'module')) return scripts.find((u) => u.script === 'module')!;
  return scripts.find((u) => u.script === 'instance' || u.script === 'file') ?? scripts[0]!;
}

export function planImports(ctx: PlanContext, index: FileIndex, surviving: readonly Edit[], liveOwners: ReadonlySet<string>): ImportPlan {
  const collisions: ImportPlan['collisions'] = [];
  const edits: Edit[] = [];
  const uses = ctx.targetUses.filter((u) => liveOwners.has(u.owner));
  const needed = new Map<string, string>();
  for (const use of uses) {
    const target = targetFor(ctx.config, use.className, ctx.flavour);
    needed.set(target.local, target.specifier);
  }
  const targets = [...new Set(needed.values())].sort();
  const decls: Decl[] = [];
  for (const unit of ctx.units) {
    if (unit.kind !== 'script') continue;
    for (const path of findAll(unit, 'ImportDeclaration')) {
      const node = path.node;
      const specs = node['specifiers'] as AstNode[];
      const sourceValue = (node['source'] as AstNode)['value'] as string;
      for (const spec of specs) {
        const local = (spec['local'] as AstNode)['name'] as string;
        if (needed.get(local) === sourceValue) needed.delete(local);
      }
      if (node['attributes'] && (node['attributes'] as AstNode[]).length) continue;
      const kept = specs.filter((spec) => {
        const refs = index.references.get((spec['local'] as AstNode)['name'] as string) ?? [];
        return refs.length === 0 || refs.some((r) => survives(r.offset, surviving));
      });
      if (kept.length < specs.length) decls.push({ unit, path, kept, dropped: kept.length === 0 });
    }
  }
  for (const local of needed.keys()) {
    if (index.declarations.has(local)) collisions.push({ offset: 0, message: `${local} is already declared in this file: import ${needed.get(local)} by hand` });
  }
  const home = uses.length ? destination(ctx, uses.map((u) => u.unit)) : null;
  const isLegacy = (d: Decl) => {
    const value = (d.path.node['source'] as AstNode)['value'] as string;
    return isLegacyClassModule(ctx.config, value) || legacyModelBase(ctx.config, value) !== null;
  };
  const anchor = home ? (decls.find((d) => d.unit === home && isLegacy(d)) ?? decls.find((d) => d.unit === home)) : undefined;
  const firstImport = ctx.units.flatMap((u) => (u.kind === 'script' ? findAll(u, 'ImportDeclaration').map((p) => ({ u, p })) : []))[0];
  const quote = firstImport ? ctx.source[startOf(firstImport.u, firstImport.p.node['source'] as AstNode)] ?? "'" : "'";
  const semi = firstImport ? ctx.source.slice(startOf(firstImport.u, firstImport.p.node), endOf(firstImport.u, firstImport.p.node)).trimEnd().endsWith(';') : true;
  const eol = ctx.source.includes('\r\n') ? '\r\n' : '\n';
  const lines = [...needed].sort(([, a], [, b]) => a.localeCompare(b)).map(([local, specifier]) => `import { ${local} } from ${quote}${specifier}${quote}${semi ? ';' : ''}`);
  for (const decl of decls) {
    const start = startOf(decl.unit, decl.path.node);
    const end = endOf(decl.unit, decl.path.node);
    if (decl === anchor && lines.length) {
      const sep = `${eol}${lineIndent(ctx.source, start)}`;
      edits.push(replace(start, end, [...(decl.dropped ? [] : [regenerate(ctx, decl)]), ...lines].join(sep)));
    } else if (decl.dropped) {
      const range = statementRange(ctx.source, start, end);
      edits.push(replace(range.start, range.end));
    } else edits.push(replace(start, end, regenerate(ctx, decl)));
  }
  if (lines.length && !anchor && home) {
    const body = (home.root.get().node['program'] as AstNode)['body'] as AstNode[];
    const imports = body.filter((s) => s.type === 'ImportDeclaration');
    const last = imports[imports.length - 1];
    if (last) {
      const at = endOf(home, last);
      edits.push(replace(at, at, lines.map((l) => `${eol}${lineIndent(ctx.source, startOf(home, last))}${l}`).join('')));
    } else {
      const first = body[0];
      const at = first ? startOf(home, first) : home.offset + home.code.length;
      const indent = first ? lineIndent(ctx.source, at) : '';
      edits.push(replace(at, at, lines.map((l) => `${l}${eol}${indent}`).join('')));
    }
  }
  return { edits, collisions, targets };
}
