/**
 * What every transform shares while planning one file: the parsed code units (a .ts file is one unit; a .svelte
 * file is its scripts plus each template expression), the edits and diagnostics collected so far, each owned by
 * the handle or call site it belongs to, so an uncertain site withdraws exactly its own edits.
 */
import jscodeshift from 'jscodeshift';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { MigrationConfig, Flavour } from './config.ts';
import type { Edit } from './edits.ts';

export type AstNode = { type: string; start?: number | null; end?: number | null; [key: string]: unknown };

/** How a template expression is used by its block: `{#if test}`, `{#each expr as x}`, `bind:x={expr}`, `{@const ...}`. */
export type RootContext = 'test' | 'each' | 'bind' | 'value' | 'statement' | 'program';

export interface Unit {
  readonly kind: 'script' | 'template';
  /** `module` / `instance` for the two `<script>` blocks of a .svelte file, `file` for a .ts/.js file. */
  readonly script: 'module' | 'instance' | 'file' | null;
  readonly code: string;
  /** File offset of `code[0]`: every AST position becomes absolute by adding it. */
  readonly offset: number;
  readonly root: Collection;
  readonly rootContext: RootContext;
  /** The template expression (or `{@const}` declaration) itself; null for scripts. */
  readonly rootNode: AstNode | null;
}

export interface Diagnostic {
  readonly line: number;
  readonly message: string;
}

/** Edits of one owner are kept or withdrawn together; `file` diagnostics withdraw everything. */
export interface OwnedEdit {
  readonly owner: string;
  readonly edit: Edit;
}

export interface OwnedDiagnostic {
  readonly owner: string;
  readonly offset: number;
  readonly message: string;
}

/** A target model class an owner's edits refer to (its import is added only if the owner's edits survive). */
export interface TargetUse {
  readonly owner: string;
  readonly className: string;
  readonly unit: Unit;
}

export interface PlanContext {
  readonly path: string;
  readonly source: string;
  readonly config: MigrationConfig;
  readonly flavour: Flavour;
  readonly units: readonly Unit[];
  /** `--model Job`: only this class is migrated; other models' sites are left alone, silently. */
  readonly model: string | null;
  readonly edits: OwnedEdit[];
  readonly diagnostics: OwnedDiagnostic[];
  readonly targetUses: TargetUse[];
}

export const FILE_OWNER = 'file';

export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.(tsx|jsx)$/.test(path) ? 'tsx' : 'ts';
}

export function codeshift(path: string): JSCodeshift {
  return jscodeshift.withParser(parserFor(path));
}

export function startOf(unit: Unit, node: AstNode): number {
  return unit.offset + (node.start ?? 0);
}

export function endOf(unit: Unit, node: AstNode): number {
  return unit.offset + (node.end ?? 0);
}

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

export function report(ctx: PlanContext, owner: string, offset: number, message: string): void {
  ctx.diagnostics.push({ owner, offset, message });
}

export function addEdit(ctx: PlanContext, owner: string, edit: Edit): void {
  ctx.edits.push({ owner, edit });
}

export type Path = ASTPath<AstNode>;

/** Every path of one node type in a unit, through jscodeshift's Collection API. */
export function findAll(unit: Unit, type: string): Path[] {
  const named = (jscodeshift.types.namedTypes as unknown as Record<string, Parameters<Collection['find']>[0]>)[type];
  if (!named) throw new Error(`unknown AST node type ${type}`);
  return unit.root.find(named).paths() as unknown as Path[];
}
