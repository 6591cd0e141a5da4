/**
 * Recognition by type: a legacy use is an expression whose type is declared in a legacy module (a legacy class
 * module, a legacy model module, its `*.custom` additions, or the glue between them), however the value
 * travelled (context getters, barrels, destructuring, props, stores, arrays, custom methods), or a call of such
 * a value (the mutator functions). Plain data declared there (the row interface `Job`, `CreateJobData`) is not a
 * legacy use: it has no behaviour and stays valid after the migration.
 */
import { relative, sep } from 'node:path';
import type { Declaration, InterfaceType, Node, ObjectType, Symbol as TsSymbol, Type, TypeChecker, TypeNode, TypeReference } from 'typescript';
import { isLegacyDefinitionFile, moduleBase, type MigrationConfig } from '../config.ts';
import { isDependency, type AppProgram } from './program.ts';
import type { Isolation } from './isolation.ts';

export interface LegacyUse {
  /** Offsets in the project file's own text (mapped back from svelte2tsx output for a component). */
  readonly start: number;
  readonly end: number;
  /** The expression as written, shortened for messages. */
  readonly text: string;
  /** What makes it legacy: the type's name and the module declaring it. */
  readonly what: string;
  /** A type annotation (TypeScript or JSDoc) naming a legacy type. */
  readonly annotation: boolean;
}

/**
 * The root-relative path of a file of the app's own source, or null for a dependency. A workspace package the app links
 * (`@acme/data` in a monorepo, run from `apps/web`) is source too: TypeScript reads it at its real path, outside the
 * root and outside any node_modules, and a legacy layer may live there.
 */
function inProject(app: AppProgram, fileName: string): string | null {
  return isDependency(fileName) ? null : relative(app.root, fileName).split(sep).join('/');
}

export interface LegacyModules {
  /** Modules whose declarations make a type legacy. */
  readonly declaring: ReadonlySet<string>;
  /** Modules that define the legacy API and stay for compat: their own code is not counted or migrated. */
  readonly definitions: ReadonlySet<string>;
}

/** A module that only re-exports (`$lib/zero/index.ts`): app plumbing, counted like app code. */
function isBarrel(app: AppProgram, fileName: string): boolean {
  const sf = app.program.getSourceFile(fileName);
  return !!sf && sf.statements.length > 0 && sf.statements.every((s) => app.ts.isExportDeclaration(s) || app.ts.isImportDeclaration(s));
}

/**
 * The legacy modules of the program: the configured class and model modules, the project modules a model module
 * imports that themselves import a class module (the generated handle wrapper, `model-handle.ts` and the like) or
 * that declare what its model objects return (`handleModules`), and the hand-written `<table>.custom` files beside a
 * model module. The custom files and re-export barrels are
 * the app's own plumbing: their uses are counted and reported like any app code.
 */
export function legacyModules(app: AppProgram, config: MigrationConfig): LegacyModules {
  const declaring = new Set<string>();
  const definitions = new Set<string>();
  const models = new Set<string>();
  const sources = app.program.getSourceFiles();
  for (const sf of sources) {
    const rel = inProject(app, sf.fileName);
    if (rel === null || !isLegacyDefinitionFile(config, rel)) continue;
    declaring.add(sf.fileName);
    if (!isBarrel(app, sf.fileName)) definitions.add(sf.fileName);
    if (moduleBase(rel).endsWith(config.legacyModelSuffix)) models.add(sf.fileName);
  }
  const classes = new Set([...definitions].filter((f) => !models.has(f)));
  for (const model of models) {
    const glue = [...(app.imports.get(model) ?? [])].filter((imported) => [...(app.imports.get(imported) ?? [])].some((f) => classes.has(f)));
    for (const file of [...glue, ...handleModules(app, model)]) {
      declaring.add(file);
      definitions.add(file);
    }
  }
  const suffix = config.legacyModelSuffix;
  for (const sf of sources) {
    const base = moduleBase(sf.fileName);
    if (!base.endsWith('.custom') || inProject(app, sf.fileName) === null) continue;
    const stem = base.slice(0, -'.custom'.length);
    if ([...models].some((m) => moduleBase(m) === `${stem}${suffix}`)) declaring.add(sf.fileName);
  }
  return { declaring, definitions };
}

/**
 * The project modules declaring what a model module's exported objects return from their methods: the handle type
 * of `Job.find(id)` when it lives in a module of its own (`handle.ts` with `interface ModelHandle<T>`), which need
 * not import the legacy classes.
 */
function handleModules(app: AppProgram, model: string): Set<string> {
  const found = new Set<string>();
  const sf = app.program.getSourceFile(model);
  if (!sf) return found;
  const { ts } = app;
  const checker = app.program.getTypeChecker();
  const module = checker.getSymbolAtLocation(sf);
  for (const exported of module ? checker.getExportsOfModule(module) : []) {
    const decl = exported.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl)) continue;
    for (const property of checker.getTypeOfSymbolAtLocation(exported, decl).getProperties()) {
      const at = property.valueDeclaration ?? property.declarations?.[0];
      if (!at) continue;
      for (const signature of checker.getTypeOfSymbolAtLocation(property, at).getCallSignatures()) {
        const returned = signature.getReturnType();
        for (const d of (returned.aliasSymbol ?? returned.getSymbol())?.declarations ?? []) {
          const file = d.getSourceFile().fileName;
          if (file !== model && inProject(app, file) !== null) found.add(file);
        }
      }
    }
  }
  return found;
}

/** Decides, once per type, whether it is a legacy type. */
export class LegacyTypes {
  private readonly cache = new Map<Type, string | null>();
  /** The file being examined: an object type declared in it that holds legacy values is a legacy container. */
  private site = '';
  constructor(
    private readonly checker: TypeChecker,
    private readonly modules: LegacyModules,
    private readonly app: AppProgram,
  ) {}

  /** Whether declarations in this module make a type legacy. */
  isLegacyModule(fileName: string): boolean {
    return this.modules.declaring.has(fileName);
  }

  /** The modules that define the legacy API stay as they are (compat keeps them): their code is not counted. */
  isDefinition(fileName: string): boolean {
    return this.modules.definitions.has(fileName);
  }

  /** Starts examining another file (local container types are judged per file). */
  examine(fileName: string): void {
    this.site = fileName;
  }

  /** A description (`ReactiveQueryOne from src/lib/zero/reactive-query.svelte.ts`) or null. */
  describe(type: Type, depth = 0): string | null {
    if (this.cache.has(type)) return this.cache.get(type)!;
    this.cache.set(type, null);
    const result = this.compute(type, depth);
    // Whether an object type of the app's is a container depends on the file being examined: not cached.
    if (this.isRecord(type)) this.cache.delete(type);
    else this.cache.set(type, result);
    return result;
  }

  /**
   * Where a value enters a file (the result of a call, an import): a legacy value, or an object of the app's holding
   * legacy values wherever its type is declared (the context object `getZeroContext()` hands out, a module's record
   * of handles). Elsewhere such an object counts only in the file declaring its type (`container`): its legacy
   * members are counted where they are read.
   */
  acquired(type: Type): string | null {
    const direct = this.describe(type);
    if (direct) return direct;
    for (const member of type.isUnion() ? type.types : [type]) {
      // A function, class or component whose parameters or props are legacy holds no legacy value: its callers pass them.
      if (member.getCallSignatures().length > 0 || member.getConstructSignatures().length > 0) continue;
      const found = this.record(member, 0) ?? this.typeArguments(member).reduce<string | null>((held, arg) => held ?? this.record(arg, 1), null);
      if (found) return found;
    }
    return null;
  }

  /** What a collection, store or alias is of (`Array<T>`, `Writable<T>`, `Map<K, V>`). */
  private typeArguments(type: Type): readonly Type[] {
    const { ts } = this.app;
    const reference = type.flags & ts.TypeFlags.Object && (type as ObjectType).objectFlags & ts.ObjectFlags.Reference;
    return [...(reference ? this.checker.getTypeArguments(type as TypeReference) : []), ...(type.aliasTypeArguments ?? [])];
  }

  /** The container types that carry legacy values: collections and stores of them, and local objects holding them. */
  private container(type: Type, depth: number): string | null {
    if (depth > 1) return null;
    for (const arg of this.typeArguments(type)) {
      const inner = this.describe(arg, depth + 1);
      if (inner) return `container of ${inner.replace(/^container of /, '')}`;
    }
    const local = type.getSymbol()?.declarations?.some((d) => d.getSourceFile().fileName === this.site);
    return local ? this.record(type, depth) : null;
  }

  /** An object type declared in the app's own source: an object literal, a type literal, an interface. */
  private isRecord(type: Type): boolean {
    const { ts } = this.app;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.TypeLiteral | ts.SymbolFlags.Interface))) return false;
    return !!symbol.declarations?.some((d) => inProject(this.app, d.getSourceFile().fileName) !== null);
  }

  /** Such an object type with legacy members (named in the description): a context object, a record of handles. */
  private record(type: Type, depth: number): string | null {
    if (!this.isRecord(type)) return null;
    let first: string | null = null;
    const members: string[] = [];
    for (const property of type.getProperties()) {
      const decl = property.valueDeclaration;
      const inner = decl ? this.describe(this.checker.getTypeOfSymbolAtLocation(property, decl), depth + 1) : null;
      if (!inner) continue;
      first ??= inner.replace(/^container of /, '');
      members.push(property.getName());
    }
    if (first === null) return null;
    const named = members.length > 4 ? `${members.slice(0, 4).join(', ')} and ${members.length - 4} more` : members.join(', ');
    return `container of ${first} (its ${named})`;
  }

  /**
   * A type of the app's that is a legacy one underneath: a class extending a legacy class (`class DockedBikes extends
   * ReactiveQuery<Bike>`, its instances and its `this`), or an interface extending a legacy interface.
   */
  private inherited(type: Type, depth: number): string | null {
    const { ts } = this.app;
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.describe(constraint, depth) : null;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return null;
    const target = (type as ObjectType).objectFlags & ts.ObjectFlags.Reference ? (type as TypeReference).target : type;
    if (!((target as ObjectType).objectFlags & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface))) return null;
    for (const base of this.checker.getBaseTypes(target as InterfaceType)) {
      const found = this.describe(base, depth);
      if (found) return `${type.getSymbol()?.getName() ?? 'subclass'}, extending ${found}`;
    }
    return null;
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
    // The alias first (a legacy module's own alias), then the type under it: an app's `type PlotHandle =
    // ModelHandle<Plot>` is its own alias of a legacy type.
    let symbol: TsSymbol | undefined;
    let declaration: Declaration | undefined;
    for (const candidate of [type.aliasSymbol, type.getSymbol()]) {
      declaration = candidate?.declarations?.find((d) => this.isLegacyModule(d.getSourceFile().fileName));
      if (declaration) {
        symbol = candidate;
        break;
      }
    }
    if (!symbol || !declaration) return this.inherited(type, depth) ?? this.container(type, depth);
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
    // The mutator result object (`{ success, error }`) is legacy too: the model writes throw instead.
    if (!behaves && !type.getProperty('success')) return null;
    const name = ts.isSourceFile(declaration) ? 'module' : symbol.getName().startsWith('__') ? anonymousName(ts, declaration) : symbol.getName();
    return `${name} from ${inProject(this.app, declaration.getSourceFile().fileName)}`;
  }
}

/**
 * What to call an anonymous object type in a message: the variable it initialises (the model object `Job`), or the
 * function returning it (`findProgressive() result`, a custom method's record of handles).
 */
function anonymousName(ts: AppProgram['ts'], declaration: Declaration): string {
  const own = ts.getNameOfDeclaration(declaration);
  if (own) return own.getText();
  let at: Node = declaration;
  while (ts.isParenthesizedExpression(at.parent) || ts.isAsExpression(at.parent) || ts.isSatisfiesExpression(at.parent)) at = at.parent;
  const holder = at.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  // The return type written on a function, the object an arrow returns, or a `return { ... }` in its body.
  let fn: Node | undefined = ts.isFunctionLike(holder) ? holder : ts.isReturnStatement(holder) ? holder.parent : undefined;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  const fnName = fn && (ts.getNameOfDeclaration(fn as Declaration) ?? (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent) ? fn.parent.name : undefined));
  return fnName ? `${fnName.getText()}() result` : 'object';
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
  // `this` and `super` in a class extending a legacy one are the legacy object itself.
  if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isNewExpression(node);
}

const IMPORT = 'import or re-export';

/**
 * What makes the symbol an import or export names legacy, or null: a value (class, model object, mutator) or a type
 * with behaviour (`ModelHandle`, the classes, the mutator result) a legacy module declares, or a value of the app's
 * whose type is legacy (`export default team`, a query made at module scope). Row types (`Job`, `JobStatus`) are
 * plain data.
 */
function legacySymbol(types: LegacyTypes, checker: TypeChecker, node: Node, typeOnly: boolean): string | null {
  const symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return null;
  const target = symbol.flags & 2097152 /* Alias */ ? checker.getAliasedSymbol(symbol) : symbol;
  const decl = target.valueDeclaration ?? target.declarations?.[0];
  if (!decl) return null;
  const value = !typeOnly && target.valueDeclaration ? types.acquired(checker.getTypeOfSymbolAtLocation(target, decl)) : null;
  if (!types.isLegacyModule(decl.getSourceFile().fileName)) return value;
  if (value !== null) return IMPORT;
  return !!(target.flags & 788968 /* Type */) && types.describe(checker.getDeclaredTypeOfSymbol(target)) !== null ? IMPORT : null;
}

/**
 * Imports and re-exports of legacy values, with what makes each legacy: each named specifier, a namespace import,
 * `export *` of a legacy module. Type-only ones are not uses (row types stay valid while the legacy modules stay).
 */
function legacyModuleSites(app: AppProgram, types: LegacyTypes, checker: TypeChecker, node: Node): { site: Node; what: string }[] {
  const { ts } = app;
  const sites: { site: Node; what: string }[] = [];
  const named = (site: Node, name: Node, typeOnly: boolean) => {
    const what = legacySymbol(types, checker, name, typeOnly);
    if (what) sites.push({ site, what });
  };
  // A legacy module, or a barrel that re-exports legacy values.
  const fromLegacy = (specifier: Node | undefined) => {
    const module = specifier && checker.getSymbolAtLocation(specifier);
    const file = module?.valueDeclaration?.getSourceFile().fileName;
    if (!module || !file) return false;
    if (types.isLegacyModule(file)) return true;
    return checker.getExportsOfModule(module).some((exported) => {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decl = target.valueDeclaration;
      return !!decl && types.isLegacyModule(decl.getSourceFile().fileName) && types.describe(checker.getTypeOfSymbolAtLocation(target, decl)) !== null;
    });
  };
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return sites;
    if (clause.name) named(clause.name, clause.name, clause.isTypeOnly);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && !clause.isTypeOnly && fromLegacy(node.moduleSpecifier)) sites.push({ site: bindings, what: IMPORT });
    if (bindings && ts.isNamedImports(bindings)) for (const spec of bindings.elements) named(spec, spec.name, clause.isTypeOnly || spec.isTypeOnly);
  } else if (ts.isExportDeclaration(node)) {
    if (!node.exportClause) {
      if (!node.isTypeOnly && fromLegacy(node.moduleSpecifier)) sites.push({ site: node, what: IMPORT });
    } else if (ts.isNamedExports(node.exportClause)) {
      for (const spec of node.exportClause.elements) named(spec, spec.name, node.isTypeOnly || spec.isTypeOnly);
    } else if (!node.isTypeOnly && fromLegacy(node.moduleSpecifier)) sites.push({ site: node.exportClause, what: IMPORT });
  }
  return sites;
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
export function findLegacyUses(app: AppProgram, types: LegacyTypes, rel: string, sourceText: string, isolation: Isolation): LegacyUse[] | null {
  const file = app.files.get(rel);
  if (!file || file.problem) return null;
  if (types.isDefinition(file.fileName)) return [];
  types.examine(file.fileName);
  const sf = app.program.getSourceFile(file.fileName);
  if (!sf) return null;
  const { ts } = app;
  const checker = app.program.getTypeChecker();
  const legacyNodes = new Set<Node>();
  /**
   * Where `node` starts in the file's own text, or null for code svelte2tsx wrote itself (the template's
   * `svelteHTML.createElement(...)`, the props object of `export let`, ...): its mappings point near the component
   * code it came from, so such a node counts only where the component itself says the same thing. Its type is
   * never asked (resolving those element calls is most of a component's cost); what it wraps still is.
   */
  const ownStart = (node: Node): number | null => {
    const genStart = node.getStart(sf);
    if (!file.tsx) return genStart;
    const start = file.tsx.toComponent(genStart);
    if (start === null) return null;
    const head = /^[\w$]+/.exec(sf.text.slice(genStart, Math.min(node.getEnd(), genStart + 200)))?.[0];
    return head && sourceText.slice(start, start + head.length) !== head ? null : start;
  };
  /** Import sites and what makes each legacy. */
  const imported = new Map<Node, string>();
  /** Type annotations (TypeScript or JSDoc), whose text stays as written when what they name is gone. */
  const annotations = new Set<Node>();
  /** A type annotation naming a legacy type (`jobQuery: ModelHandle<Job>`): the code around it depends on it. */
  const annotation = (node: TypeNode, inner: (node: Node) => void): void => {
    if (types.describe(checker.getTypeFromTypeNode(node)) === null) return void ts.forEachChild(node, inner);
    legacyNodes.add(node);
    annotations.add(node);
  };
  // JavaScript takes its types from JSDoc (`@param {ReactiveQuery<Job>} query`, `@type`, `@typedef`), as TypeScript
  // takes them from annotations: they count alike. Only their types are looked at.
  const script = (sf.flags & ts.NodeFlags.JavaScriptFile) !== 0;
  const visitDoc = (node: Node): void => (ts.isTypeReferenceNode(node) || ts.isImportTypeNode(node) ? annotation(node, visitDoc) : ts.forEachChild(node, visitDoc));
  /**
   * `const { Job, userId } = getZeroContext()`, also through a rune handing its argument on (`$derived(...)`): the
   * names taken out are the uses, not the object they come from.
   */
  const destructured = (node: Node): boolean => {
    let at = node;
    for (;;) {
      const parent = at.parent;
      if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) at = parent;
      else if (ts.isCallExpression(parent) && parent.arguments.length === 1 && parent.arguments[0] === at && checker.getTypeAtLocation(parent) === checker.getTypeAtLocation(at)) at = parent;
      else return ts.isVariableDeclaration(parent) && parent.initializer === at && !ts.isIdentifier(parent.name);
    }
  };
  const visit = (node: Node): void => {
    // Asking for types is the expensive part: a statement no legacy type can reach is not asked about.
    if (isolation.canSkip(node)) return;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      for (const { site, what } of legacyModuleSites(app, types, checker, node)) {
        legacyNodes.add(site);
        imported.set(site, what);
      }
      return;
    }
    if (ts.isTypeReferenceNode(node) || ts.isImportTypeNode(node)) return annotation(node, visit);
    // Every JSDoc comment before the node (TypeScript's public getJSDocCommentsAndTags gives the last one only; svelte2tsx
    // writes a component's props type as a `@typedef` comment before its own `@type` one).
    if (script) for (const doc of (node as Node & { readonly jsDoc?: readonly Node[] }).jsDoc ?? []) visitDoc(doc);
    ts.forEachChild(node, visit);
    // `function summary({ current, isLoading })` typed as a legacy handle: the parameter's destructuring reads its
    // members (a declaration's destructuring is counted at its initializer, which names the handle).
    if (ts.isObjectBindingPattern(node) && ts.isParameter(node.parent) && ownStart(node) !== null && types.describe(checker.getTypeAtLocation(node)) !== null) {
      legacyNodes.add(node);
      return;
    }
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) {
      // `const { Job, updateJob: save } = getZeroContext()`: the name taken out of the context is the use.
      if (types.describe(checker.getTypeAtLocation(node.name)) !== null) legacyNodes.add(node);
      return;
    }
    if (!isExpressionSite(ts, node) || ownStart(node) === null) return;
    let legacy = false;
    if (ts.isCallExpression(node) && legacyNodes.has(node.expression)) legacy = true;
    else {
      const type = checker.getTypeAtLocation(node);
      // A call is where a value enters the code: an object holding legacy values counts there (`const ctx = getZeroContext()`).
      legacy = types.describe(type) !== null || ((ts.isCallExpression(node) || ts.isNewExpression(node)) && types.acquired(type) !== null && !destructured(node));
    }
    if (legacy) legacyNodes.add(node);
  };
  visit(sf);
  const uses: LegacyUse[] = [];
  for (const node of legacyNodes) {
    if (insideLegacy(ts, node, legacyNodes)) continue;
    const start = ownStart(node);
    if (start === null) continue;
    const genStart = node.getStart(sf);
    const genEnd = node.getEnd();
    const mappedEnd = file.tsx ? file.tsx.toComponent(genEnd - 1) : genEnd - 1;
    const end = mappedEnd === null || mappedEnd < start ? start + (genEnd - genStart) : mappedEnd + 1;
    let inner: Node = node;
    while (ts.isCallExpression(inner) && !types.acquired(checker.getTypeAtLocation(inner))) inner = inner.expression;
    const what = imported.get(node) ?? types.acquired(checker.getTypeAtLocation(inner)) ?? 'legacy value';
    const text = sourceText.slice(start, Math.min(end, sourceText.length)).replace(/\s+/g, ' ');
    uses.push({ start, end, text: text.length > 60 ? `${text.slice(0, 57)}...` : text, what, annotation: annotations.has(node) });
  }
  // svelte2tsx may emit one template expression twice (e.g. a prop and its binding): one use per position.
  const seen = new Set<number>();
  return uses.filter((u) => !seen.has(u.start) && seen.add(u.start)).sort((a, b) => a.start - b.start);
}

