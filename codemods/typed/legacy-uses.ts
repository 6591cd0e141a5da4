/**
 * Recognition by type: a legacy use is an expression whose type is declared in a legacy module (a legacy class
 * module, a legacy model module, its `*.custom` additions, or the glue between them), however the value
 * travelled (context getters, barrels, destructuring, props, stores, arrays, custom methods), or a call of such
 * a value (the mutator functions). Plain data declared there (the row interface `Job`, `CreateJobData`) is not a
 * legacy use: it has no behaviour and stays valid after the migration.
 */
import { relative, sep } from 'node:path';
import type { Node, Type, TypeChecker } from 'typescript';
import { isLegacyDefinitionFile, type MigrationConfig } from '../config.ts';
import type { AppProgram } from './program.ts';

export interface LegacyUse {
  /** Offsets in the project file's own text (mapped back from svelte2tsx output for a component). */
  readonly start: number;
  readonly end: number;
  /** The expression as written, shortened for messages. */
  readonly text: string;
  /** What makes it legacy: the type's name and the module declaring it. */
  readonly what: string;
}

function inProject(app: AppProgram, fileName: string): string | null {
  const rel = relative(app.root, fileName);
  return rel.startsWith('..') || rel.split(sep).includes('node_modules') ? null : rel.split(sep).join('/');
}

/**
 * The legacy modules of the program: the configured class and model modules, the `<table>.custom` files beside a
 * model module, and project modules a model module imports that themselves import a class module (the generated
 * handle wrapper, `model-handle.ts` and the like).
 */
export function legacyModules(app: AppProgram, config: MigrationConfig): Set<string> {
  const legacy = new Set<string>();
  const models = new Set<string>();
  const sources = app.program.getSourceFiles();
  for (const sf of sources) {
    const rel = inProject(app, sf.fileName);
    if (rel === null || !isLegacyDefinitionFile(config, rel)) continue;
    legacy.add(sf.fileName);
    if (rel.replace(/\.(ts|js)$/, '').endsWith(config.legacyModelSuffix)) models.add(sf.fileName);
  }
  const classes = new Set([...legacy].filter((f) => !models.has(f)));
  for (const model of models) {
    for (const imported of app.imports.get(model) ?? []) {
      if ([...(app.imports.get(imported) ?? [])].some((f) => classes.has(f))) legacy.add(imported);
    }
  }
  const suffix = config.legacyModelSuffix;
  for (const sf of sources) {
    const base = sf.fileName.replace(/\.(ts|js)$/, '');
    if (!base.endsWith('.custom') || inProject(app, sf.fileName) === null) continue;
    const stem = base.slice(0, -'.custom'.length);
    if ([...models].some((m) => m.replace(/\.(ts|js)$/, '') === `${stem}${suffix}`)) legacy.add(sf.fileName);
  }
  return legacy;
}

/** Decides, once per type, whether it is a legacy type. */
export class LegacyTypes {
  private readonly cache = new Map<Type, string | null>();
  constructor(
    private readonly checker: TypeChecker,
    private readonly legacy: ReadonlySet<string>,
    private readonly app: AppProgram,
  ) {}

  /** The legacy modules themselves stay as they are (compat keeps them): uses inside them are not counted. */
  isLegacyModule(fileName: string): boolean {
    return this.legacy.has(fileName);
  }

  /** A description (`ReactiveQueryOne from src/lib/zero/reactive-query.svelte.ts`) or null. */
  describe(type: Type, depth = 0): string | null {
    if (this.cache.has(type)) return this.cache.get(type)!;
    this.cache.set(type, null);
    const result = this.compute(type, depth);
    this.cache.set(type, result);
    return result;
  }

  private compute(type: Type, depth: number): string | null {
    const { ts } = this.app;
    if (type.isUnion() || type.isIntersection()) {
      for (const member of type.types) {
        const found = this.describe(member, depth);
        if (found) return found;
      }
      return null;
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.find((d) => this.legacy.has(d.getSourceFile().fileName));
    if (!symbol || !declaration) return null;
    const behaves =
      type.getCallSignatures().length > 0 ||
      type.getConstructSignatures().length > 0 ||
      type.getProperties().some((p) => {
        const decl = p.valueDeclaration ?? p.declarations?.[0];
        if (!decl) return false;
        if (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl) || ts.isGetAccessor(decl)) return true;
        const propertyType = this.checker.getTypeOfSymbolAtLocation(p, decl);
        return propertyType.getCallSignatures().length > 0 || (depth < 1 && this.describe(propertyType, depth + 1) !== null);
      });
    if (!behaves) return null;
    const name = symbol.getName().startsWith('__') ? (ts.getNameOfDeclaration(declaration as never)?.getText() ?? 'object') : symbol.getName();
    return `${name} from ${inProject(this.app, declaration.getSourceFile().fileName)}`;
  }
}

/** Whether `node` is an expression the type query asks about (not a declaration name, key or type). */
function isExpressionSite(ts: AppProgram['ts'], node: Node): boolean {
  const parent = node.parent;
  if (ts.isIdentifier(node)) {
    if (!parent) return false;
    if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node)) return false;
    if (ts.isBindingElement(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) return parent.name !== node && !(ts.isBindingElement(parent) && parent.propertyName === node);
    if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false;
    if (ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent)) return false;
    if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isJsxAttribute(parent)) return false;
    return true;
  }
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isNewExpression(node);
}

/** Whether a legacy expression encloses `node` in the same expression (a function body is a place of its own). */
function insideLegacy(ts: AppProgram['ts'], node: Node, legacy: ReadonlySet<Node>): boolean {
  for (let p = node.parent; p && !ts.isStatement(p) && !ts.isFunctionLike(p) && !ts.isSourceFile(p); p = p.parent) if (legacy.has(p)) return true;
  return false;
}

/**
 * Every legacy use in one project file of the program (outermost expression of each chain), in file order; null
 * when the file is not in the program (svelte2tsx rejected it).
 */
export function findLegacyUses(app: AppProgram, types: LegacyTypes, rel: string, sourceText: string): LegacyUse[] | null {
  const file = app.files.get(rel);
  if (!file || file.problem) return null;
  if (types.isLegacyModule(file.fileName)) return [];
  const sf = app.program.getSourceFile(file.fileName);
  if (!sf) return null;
  const { ts } = app;
  const checker = app.program.getTypeChecker();
  const legacyNodes = new Set<Node>();
  const visit = (node: Node): void => {
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) return;
    ts.forEachChild(node, visit);
    if (!isExpressionSite(ts, node)) return;
    let legacy = false;
    if (ts.isCallExpression(node) && legacyNodes.has(node.expression)) legacy = true;
    else {
      legacy = types.describe(checker.getTypeAtLocation(node)) !== null;
    }
    if (legacy) legacyNodes.add(node);
  };
  visit(sf);
  const uses: LegacyUse[] = [];
  for (const node of legacyNodes) {
    if (insideLegacy(ts, node, legacyNodes)) continue;
    const genStart = node.getStart(sf);
    const genEnd = node.getEnd();
    const start = file.tsx ? file.tsx.toComponent(genStart) : genStart;
    if (start === null) continue;
    const mappedEnd = file.tsx ? file.tsx.toComponent(genEnd - 1) : genEnd - 1;
    const end = mappedEnd === null || mappedEnd < start ? start + (genEnd - genStart) : mappedEnd + 1;
    let inner: Node = node;
    while (ts.isCallExpression(inner) && !types.describe(checker.getTypeAtLocation(inner))) inner = inner.expression;
    const what = types.describe(checker.getTypeAtLocation(inner)) ?? 'legacy';
    const text = sourceText.slice(start, Math.min(end, sourceText.length)).replace(/\s+/g, ' ');
    uses.push({ start, end, text: text.length > 60 ? `${text.slice(0, 57)}...` : text, what });
  }
  // svelte2tsx may emit one template expression twice (e.g. a prop and its binding): one use per position.
  const seen = new Set<number>();
  return uses.filter((u) => !seen.has(u.start) && seen.add(u.start)).sort((a, b) => a.start - b.start);
}

