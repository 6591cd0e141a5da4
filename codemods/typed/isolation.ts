/**
 * Which statements the type query may skip because no legacy type can reach them, decided from name resolution
 * alone (no type is computed). Asking the checker for the type of every expression is most of what recognition
 * costs, and most code (formatting helpers, components that take plain data) never touches the legacy API.
 *
 * Why skipping is safe. A legacy type is declared in a legacy module (`LegacyModules.declaring`); an expression
 * gets one only through a name that resolves to a declaration from which such a type flows: an import, a local
 * variable, a parameter, a function, a type name. A *unit* is a statement whose types are decided inside it: a
 * statement of a module, or of the body of a function declaration with no return type and no `this` parameter
 * (no contextual type reaches such a statement from outside: a function declaration is never contextually typed,
 * and without a return type nothing types its `return` expressions). A unit is isolated when every name in it
 * (property names aside: a property's type is its object's, rooted in a name) resolves to
 *   - a declaration inside the unit,
 *   - a declaration in a file that imports no legacy module, even indirectly (`reach` below): its types cannot
 *     name a legacy one, or
 *   - a declaration inside another isolated unit (of any file but a legacy module, whose declarations are the
 *     legacy types themselves),
 * and it has no `import('...')` type or call (a module reached without a name). Global declarations are the one
 * way around names: a file that augments the global scope (`declare global`, `declare module`, a script) could
 * put a legacy type on `window`. Such a file within reach of a legacy module turns skipping off for the program.
 * JavaScript (files and components without `lang="ts"`) is never skipped (JSDoc types are resolved differently).
 */
import type { Declaration, Node, SourceFile, Statement, Symbol as TsSymbol, TypeChecker } from 'typescript';
import type { AppProgram } from './program.ts';

/** Files that import a legacy module, directly or through other project modules: only they can hold legacy types. */
export function reaching(program: AppProgram, declaring: ReadonlySet<string>): Set<string> {
  const reach = new Set(declaring);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [from, to] of program.imports) {
      if (reach.has(from)) continue;
      for (const target of to) {
        if (reach.has(target)) {
          reach.add(from);
          grew = true;
          break;
        }
      }
    }
  }
  return reach;
}

/** A unit's own verdict, before following the units it names: tainted, or the units its names resolve into. */
interface Scan {
  readonly tainted: boolean;
  readonly dependsOn: readonly Statement[];
}

export class Isolation {
  private readonly checker: TypeChecker;
  /** Off when a file within reach changes the global scope. */
  private readonly enabled: boolean;
  private readonly scans = new Map<Statement, Scan>();
  private readonly isolated = new Map<Statement, boolean>();

  constructor(
    private readonly app: AppProgram,
    /** Files within reach of a legacy module (`reaching`). */
    private readonly reach: ReadonlySet<string>,
    private readonly declaring: ReadonlySet<string>,
  ) {
    this.checker = app.program.getTypeChecker();
    this.enabled = ![...reach].some((fileName) => {
      const sf = app.program.getSourceFile(fileName);
      return !!sf && changesGlobalScope(app, sf);
    });
  }

  /** Whether no file outside `reach` needs the type query (a global augmentation within reach says otherwise). */
  get reachIsClosed(): boolean {
    return this.enabled;
  }

  /** Whether the type query can skip `node`: a unit in which no expression can have a legacy type. */
  canSkip(node: Node): boolean {
    if (!this.enabled || !isUnit(this.app, node)) return false;
    return this.isIsolated(node);
  }

  /**
   * Follows the units `unit` depends on; isolated when none of them is tainted. A search that ends without a
   * taint proves every unit it visited isolated (each one's dependencies are among those visited).
   */
  private isIsolated(unit: Statement): boolean {
    const known = this.isolated.get(unit);
    if (known !== undefined) return known;
    const visited = new Set<Statement>([unit]);
    const stack = [unit];
    while (stack.length) {
      const current = stack.pop()!;
      const verdict = this.isolated.get(current);
      if (verdict === true) continue;
      const scan = verdict === false ? null : this.scan(current);
      if (!scan || scan.tainted) {
        this.isolated.set(unit, false);
        return false;
      }
      for (const next of scan.dependsOn) {
        if (!visited.has(next)) {
          visited.add(next);
          stack.push(next);
        }
      }
    }
    for (const proven of visited) this.isolated.set(proven, true);
    return true;
  }

  private scan(unit: Statement): Scan {
    const cached = this.scans.get(unit);
    if (cached) return cached;
    const { ts } = this.app;
    const dependsOn = new Set<Statement>();
    let tainted = isScript(this.app, unit);
    const visit = (node: Node): void => {
      if (tainted) return;
      if (ts.isImportTypeNode(node) || (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)) {
        tainted = true;
        return;
      }
      if (ts.isIdentifier(node) && !isPropertyName(this.app, node)) {
        const symbol = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node ? this.checker.getShorthandAssignmentValueSymbol(node.parent) : this.checker.getSymbolAtLocation(node);
        if (symbol && !this.resolvesSafely(symbol, unit, dependsOn)) {
          tainted = true;
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(unit);
    const scan = { tainted, dependsOn: [...dependsOn] };
    this.scans.set(unit, scan);
    return scan;
  }

  /** Whether every declaration of `symbol` is safe for `unit`; the units it depends on are added to `dependsOn`. */
  private resolvesSafely(symbol: TsSymbol, unit: Statement, dependsOn: Set<Statement>): boolean {
    const { ts } = this.app;
    const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    for (const declaration of [...(symbol.declarations ?? []), ...(target === symbol ? [] : (target.declarations ?? []))]) {
      // The import or re-export that names the symbol is a way to it, not a source of types.
      if (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration) || ts.isNamespaceImport(declaration) || ts.isExportSpecifier(declaration) || ts.isImportEqualsDeclaration(declaration)) continue;
      const file = declaration.getSourceFile();
      if (!this.reach.has(file.fileName)) continue;
      if (this.declaring.has(file.fileName) || isScript(this.app, declaration)) return false;
      if (declaration.pos >= unit.pos && declaration.end <= unit.end && file === unit.getSourceFile()) continue;
      const home = enclosingUnit(this.app, declaration);
      if (!home) return false;
      if (home !== unit) dependsOn.add(home);
    }
    return true;
  }
}

/** A statement of a module, or of the body of a function declaration no outside type reaches (see the top). */
function isUnit(app: AppProgram, node: Node): node is Statement {
  const { ts } = app;
  const parent = node.parent;
  if (!parent || !ts.isStatement(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node) || ts.isExportAssignment(node)) return false;
  if (ts.isSourceFile(parent)) return true;
  const fn = parent.parent;
  return ts.isBlock(parent) && !!fn && ts.isFunctionDeclaration(fn) && fn.body === parent && !fn.type && !fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === 'this');
}

/** The innermost unit holding `declaration`, or null (a parameter, a declaration outside every unit). */
function enclosingUnit(app: AppProgram, declaration: Declaration): Statement | null {
  for (let node: Node | undefined = declaration; node && !app.ts.isSourceFile(node); node = node.parent) if (isUnit(app, node)) return node;
  return null;
}

/** Names whose type is their object's (or that name no value at all): resolving them would only cost. */
function isPropertyName(app: AppProgram, node: Node): boolean {
  const { ts } = app;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isBindingElement(parent)) return parent.propertyName === node;
  if (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isEnumMember(parent)) return parent.name === node;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return ts.isJsxAttribute(parent) || ts.isMetaProperty(parent);
}

/** JavaScript (`.js`, `.mjs`, a component without `lang="ts"`, ...), whose JSDoc types the checker reads: never skipped. */
function isScript(app: AppProgram, node: Node): boolean {
  return (node.getSourceFile().flags & app.ts.NodeFlags.JavaScriptFile) !== 0;
}

/** Whether a file changes the global scope: a script, or a module with `declare global` / `declare module '...'`. */
function changesGlobalScope(app: AppProgram, sf: SourceFile): boolean {
  const { ts } = app;
  if (!ts.isExternalModule(sf)) return true;
  return sf.statements.some((s) => ts.isModuleDeclaration(s) && (!!(s.flags & ts.NodeFlags.GlobalAugmentation) || ts.isStringLiteral(s.name)));
}
