/**
 * Names a file binds to a legacy model object or mutator, found by type rather than by import specifier: the
 * `{ Job, updateJob: save }` a component destructures out of a context getter, and imports through barrels and
 * re-export chains. The planner treats them like direct imports of the legacy model module; a destructured one
 * also leaves its destructuring once every use of it is converted.
 */
import { basename } from 'node:path';
import type { Node, Symbol as TsSymbol, Type, TypeChecker } from 'typescript';
import { classNameFor, moduleBase, type MigrationConfig } from '../config.ts';
import type { AppProgram } from './program.ts';
import type { LegacyTypes } from './legacy-uses.ts';
import { WRITES, type WriteOp } from '../transforms/legacy-bindings.ts';

export interface TypedBinding {
  readonly local: string;
  readonly kind: 'model' | 'write';
  readonly className: string;
  readonly op: WriteOp | null;
  /**
   * The mutator resolves to a result object (`{ success, error }`) rather than the record or nothing: a call
   * whose result is read cannot become a model write (which resolves to the record and throws a typed error).
   */
  readonly resultObject: boolean;
  /** The mutator's argument must carry `id` (its declared type says so): an upsert that cannot make one up. */
  readonly keyRequired: boolean;
  /** Offset of the name in `const { Job } = ...` in the file's own text, or null for an import. */
  readonly destructuredAt: number | null;
}

/** `job` for `.../job.generated.ts` or `.../job.custom.ts` when that module is a legacy model module. */
function modelBase(config: MigrationConfig, fileName: string): string | null {
  const stem = moduleBase(basename(fileName));
  for (const suffix of [config.legacyModelSuffix, '.custom']) if (stem.endsWith(suffix) && stem.length > suffix.length) return stem.slice(0, -suffix.length);
  return null;
}

function classify(app: AppProgram, types: LegacyTypes, config: MigrationConfig, checker: TypeChecker, symbol: TsSymbol | undefined, at: Node): Omit<TypedBinding, 'local' | 'destructuredAt'> | null {
  const { ts } = app;
  if (!symbol) return null;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const whole: Type = checker.getTypeOfSymbolAtLocation(target, at);
  // `Object.assign(generated.Job, { findProgressive })` is the model object with extra methods.
  const type = whole.isIntersection() ? (whole.types.find((t) => t.getSymbol()?.valueDeclaration && ts.isObjectLiteralExpression(t.getSymbol()!.valueDeclaration!)) ?? whole) : whole;
  const typeSymbol = type.getSymbol();
  const decl = typeSymbol?.valueDeclaration ?? typeSymbol?.declarations?.[0];
  if (!decl || !types.isLegacyModule(decl.getSourceFile().fileName)) return null;
  const base = modelBase(config, decl.getSourceFile().fileName);
  if (base === null) return null;
  const className = classNameFor(config, base);
  if (ts.isFunctionDeclaration(decl) && decl.name) {
    const write = WRITES.find(([prefix]) => decl.name!.text === `${prefix}${className}`);
    if (!write) return null;
    const signature = type.getCallSignatures()[0];
    const returned = signature ? (checker.getAwaitedType(signature.getReturnType()) ?? signature.getReturnType()) : null;
    const resultObject = !!returned && (returned.isUnion() ? returned.types : [returned]).some((t) => !!t.getProperty('success'));
    const argument = signature?.getParameters()[0];
    const key = argument && checker.getTypeOfSymbolAtLocation(argument, decl).getProperty('id');
    const keyRequired = !!key && !(key.flags & ts.SymbolFlags.Optional);
    return { kind: 'write', className, op: write[1], resultObject, keyRequired };
  }
  const holder = decl.parent;
  if (ts.isObjectLiteralExpression(decl) && holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && holder.name.text === className) {
    return { kind: 'model', className, op: null, resultObject: false, keyRequired: false };
  }
  return null;
}

/** Every name the file binds to a legacy model object or mutator, by destructuring or import. */
export function typedBindings(app: AppProgram, types: LegacyTypes, config: MigrationConfig, rel: string): TypedBinding[] {
  const file = app.files.get(rel);
  const sf = file && !file.problem ? app.program.getSourceFile(file.fileName) : undefined;
  if (!file || !sf || types.isDefinition(file.fileName)) return [];
  const { ts } = app;
  const checker = app.program.getTypeChecker();
  const found: TypedBinding[] = [];
  const visit = (node: Node): void => {
    if (ts.isImportSpecifier(node) && !node.isTypeOnly && !node.parent.parent.parent.importClause?.isTypeOnly) {
      const kind = classify(app, types, config, checker, checker.getSymbolAtLocation(node.name), node.name);
      if (kind) found.push({ ...kind, local: node.name.text, destructuredAt: null });
    } else if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && !node.dotDotDotToken && !node.initializer && ts.isObjectBindingPattern(node.parent) && ts.isVariableDeclaration(node.parent.parent)) {
      // A name with a default (`deleteJob: removeJob = fallback`) may be bound to either: which one runs is the
      // context's to say, so it is left as it is (the completeness pass reports its uses).
      const kind = classify(app, types, config, checker, checker.getSymbolAtLocation(node.name), node.name);
      const at = file.tsx ? file.tsx.toComponent(node.name.getStart(sf)) : node.name.getStart(sf);
      if (kind && at !== null) found.push({ ...kind, local: node.name.text, destructuredAt: at });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
