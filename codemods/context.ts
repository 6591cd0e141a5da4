/**
 * What every transform shares while planning one file: the parsed code units (a .ts file is one unit; a .svelte
 * file is its scripts plus each template expression), the edits and diagnostics collected so far, each owned by
 * the handle or call site it belongs to, so an uncertain site withdraws exactly its own edits.
 */
import { createRequire } from 'node:module';
import { parse as babelParse, type ParserOptions } from '@babel/parser';
import jscodeshift from 'jscodeshift';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { MigrationConfig, Flavour } from './config.ts';
import type { Edit } from './edits.ts';
import type { TypedBinding } from './typed/bindings.ts';

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
  /** Whether this is a `.svelte` file the Svelte compiler takes for legacy mode (see `SvelteUnits.legacyMode`). */
  readonly legacyMode: () => boolean;
  /** `--model Job`: only this class is migrated; other models' sites are left alone, silently. */
  readonly model: string | null;
  /** Legacy model objects and mutators the type query found bound in this file (destructured or imported). */
  readonly typed: readonly TypedBinding[];
  readonly edits: OwnedEdit[];
  readonly diagnostics: OwnedDiagnostic[];
  readonly targetUses: TargetUse[];
}

export const FILE_OWNER = 'file';

/** jscodeshift's parser options for its `ts` parser (the same plugins the transforms are written against). */
const tsOptions = createRequire(import.meta.url)('jscodeshift/parser/tsOptions.js') as { plugins: unknown[] } & Record<string, unknown>;

export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.(tsx|jsx)$/.test(path) ? 'tsx' : 'ts';
}

/** `withParser` builds and enriches a new API object on every call (a measurable cost per file): one per parser. */
const CODESHIFT = { ts: jscodeshift.withParser('ts'), tsx: jscodeshift.withParser('tsx') };

export function codeshift(path: string): JSCodeshift {
  return CODESHIFT[parserFor(path)];
}

const PARSER_OPTIONS = { ts: { ...tsOptions, tokens: false }, tsx: { ...tsOptions, tokens: false, plugins: [...tsOptions.plugins, 'jsx'] } };

/**
 * Parses with @babel/parser and jscodeshift's own `ts`/`tsx` options, then wraps the AST in a Collection.
 * recast's parse (what `j(source)` does) keeps what reprinting needs; edits here are rendered as text ranges
 * instead, so that work (about 10x the parse itself) is skipped.
 */
export function parseUnitCode(j: JSCodeshift, path: string, code: string): Collection {
  return j(babelParse(code, PARSER_OPTIONS[parserFor(path)] as ParserOptions) as unknown as Parameters<JSCodeshift>[0]);
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

const byType = new WeakMap<Unit, Map<string, Path[]>>();

/** Where the shared visitor below files the paths of the unit being walked. */
let walking: { readonly root: unknown; readonly buckets: Map<string, Path[]> } | null = null;

/**
 * One visitor for every walk: `Collection.find` builds a new PathVisitor (and its method table over every
 * ast-types type) per call, which cost as much as the walk itself over a .svelte file's many small units.
 */
const bucketVisitor = jscodeshift.types.PathVisitor.fromMethodsObject({
  visitNode(path: ASTPath) {
    const { root, buckets } = walking!;
    if (path !== root) {
      const node = path.node as AstNode;
      const list = buckets.get(node.type);
      if (list) list.push(path as unknown as Path);
      else buckets.set(node.type, [path as unknown as Path]);
    }
    this.traverse(path);
  },
});

/**
 * Every path of one node type in a unit (the unit's root File excluded, as `root.find(Node)` does). One
 * traversal per unit buckets all paths by type; the transforms ask many questions of the same small AST, and
 * one walk per question was most of the run time.
 */
export function findAll(unit: Unit, type: string): Path[] {
  let buckets = byType.get(unit);
  if (!buckets) {
    buckets = new Map();
    const root = unit.root.paths()[0];
    walking = { root, buckets };
    try {
      bucketVisitor.visit(root);
    } finally {
      walking = null;
    }
    byType.set(unit, buckets);
  }
  return buckets.get(type) ?? [];
}
