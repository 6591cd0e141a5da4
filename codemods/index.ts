/**
 * One plan per file: parse into units, run the transforms (each one concern, each edit owned by a handle or call
 * site), withdraw the owners that raised a diagnostic, plan imports from what survives, render in one pass
 * over the source and verify the result. Nothing here touches the disk.
 */
import type { MigrationConfig } from './config.ts';
import { flavourOf } from './file-kinds.ts';
import { DEFAULT_CONFIG, isLegacyDefinitionFile } from './config.ts';
import { codeshift, FILE_OWNER, lineAt, type Diagnostic, type PlanContext, type Unit } from './context.ts';
import { applyEditsWithSpans, type Edit, type Span } from './edits.ts';
import { indexFile } from './references.ts';
import { svelteUnits } from './svelte.ts';
import { scriptUnit } from './units.ts';
import { verifyOutput } from './verify.ts';
import { collectLegacyBindings } from './transforms/legacy-bindings.ts';
import { scanHandles } from './transforms/query-handles.ts';
import { rewriteHandleReads } from './transforms/handle-reads.ts';
import { collapseEmptyOnDestroy } from './transforms/destroy-calls.ts';
import { reportStrayLegacyReferences, rewriteModelWrites } from './transforms/model-writes.ts';
import { planImports } from './transforms/imports.ts';
import { leaveDestructuring } from './transforms/destructuring.ts';
import type { TypedBinding } from './typed/bindings.ts';

export type FileStatus = 'changed' | 'unchanged' | 'manual' | 'error';

export interface FilePlan {
  readonly path: string;
  readonly status: FileStatus;
  readonly diagnostics: readonly Diagnostic[];
  readonly before: string;
  /** The new content; equal to `before` unless edits survived (a `manual` file may carry the certain part). */
  readonly after: string;
  /** Model modules the new content imports (`$lib/models/job.reactive`): they must exist for it to run. */
  readonly targets: readonly string[];
  /** Where `after` copies `before` verbatim (the identity span when nothing changed): maps positions between them. */
  readonly spans: readonly Span[];
}

export interface PlanOptions {
  readonly config?: MigrationConfig;
  /** `--model Job`: migrate only this class. */
  readonly model?: string | null;
  /** Per root-relative path: the legacy names the type query found bound there (see typed/bindings.ts). */
  readonly typed?: Readonly<Record<string, readonly TypedBinding[]>>;
  /** Per root-relative `.svelte` path: the runes mode the app's svelte.config.js forces (else the compiler infers it). */
  readonly runes?: Readonly<Record<string, boolean>>;
}


/** The spans of an unchanged file: all of it, in place. */
export function identitySpans(text: string): Span[] {
  return text.length ? [{ start: 0, end: text.length, at: 0 }] : [];
}

function finish(path: string, before: string, after: string, diagnostics: Diagnostic[], targets: readonly string[] = [], spans: readonly Span[] = identitySpans(before)): FilePlan {
  // Two uses on one line with one reason (`cond ? Job.where(...) : Job.all()`) are one line of the report.
  const sorted = diagnostics.filter((d, i) => diagnostics.findIndex((o) => o.line === d.line && o.message === d.message) === i).sort((a, b) => a.line - b.line);
  const status: FileStatus = sorted.length ? 'manual' : after === before ? 'unchanged' : 'changed';
  const same = after === before;
  return { path, status, diagnostics: sorted, before, after, targets: same ? [] : targets, spans: same ? identitySpans(before) : spans };
}

function failure(path: string, before: string, line: number, message: string): FilePlan {
  return { path, status: 'error', diagnostics: [{ line, message }], before, after: before, targets: [], spans: identitySpans(before) };
}

/** Plans the migration of one file (`path` relative to the project root, used for messages and the parser). */
export function planFile(path: string, source: string, options: PlanOptions = {}): FilePlan {
  const config = options.config ?? DEFAULT_CONFIG;
  if (path.endsWith('.d.ts') || isLegacyDefinitionFile(config, path)) return finish(path, source, source, []);
  const j = codeshift(path);
  let units: Unit[];
  let templateBindings: string[] = [];
  let legacyMode = (): boolean => false;
  try {
    if (path.endsWith('.svelte')) ({ units, templateBindings, legacyMode } = svelteUnits(j, source, path, options.runes?.[path]));
    else units = [scriptUnit(j, path, source, 0, 'file')];
  } catch (error) {
    const position = (error as { loc?: { line?: number }; start?: { line?: number } }).loc?.line ?? (error as { start?: { line?: number } }).start?.line ?? 1;
    return failure(path, source, position, `cannot parse: ${(error as Error).message.split('\n')[0]}`);
  }
  const ctx: PlanContext = { path, source, config, flavour: flavourOf(path), units, legacyMode, model: options.model ?? null, typed: options.typed?.[path] ?? [], edits: [], diagnostics: [], targetUses: [] };
  const bindings = collectLegacyBindings(ctx);
  if (bindings.size === 0 && ctx.diagnostics.length === 0) return finish(path, source, source, []);
  const index = indexFile(ctx, templateBindings);
  const { handles, consumed } = scanHandles(ctx, bindings);
  rewriteHandleReads(ctx, handles, index);
  rewriteModelWrites(ctx, bindings, index);
  for (const binding of bindings.values()) {
    // The name in `const { Job } = getZeroContext()` declares the binding: it is not a use of it.
    if (binding.kind !== 'class' && binding.destructuredAt != null) for (const ref of index.references.get(binding.local) ?? []) if (ref.offset === binding.destructuredAt) consumed.add(ref.path.node);
  }
  reportStrayLegacyReferences(ctx, bindings, index, consumed);

  const diagnostics: Diagnostic[] = ctx.diagnostics.map((d) => ({ line: lineAt(source, d.offset), message: d.message }));
  const blocked = new Set(ctx.diagnostics.map((d) => d.owner));
  if (blocked.has(FILE_OWNER)) return finish(path, source, source, diagnostics);
  const live = ctx.edits.filter((e) => !blocked.has(e.owner));
  let edits: Edit[] = live.map((e) => e.edit);
  edits = [...edits, ...collapseEmptyOnDestroy(ctx, edits)];
  edits = [...edits, ...leaveDestructuring(ctx, bindings, index, edits)];
  const imports = planImports(ctx, index, edits, new Set(live.map((e) => e.owner)));
  if (imports.collisions.length) {
    return finish(path, source, source, [...diagnostics, ...imports.collisions.map((c) => ({ line: lineAt(source, c.offset), message: c.message }))]);
  }
  edits = [...edits, ...imports.edits];
  let after: string;
  let spans: Span[];
  try {
    ({ text: after, spans } = applyEditsWithSpans(source, edits));
  } catch (error) {
    return failure(path, source, 1, (error as Error).message);
  }
  if (after !== source) {
    const problem = verifyOutput(path, after);
    if (problem) {
      const verb = path.endsWith('.svelte') ? 'compile' : 'parse';
      const already = verifyOutput(path, source);
      return failure(path, source, 1, already ? `the file does not ${verb} even before migration (${already}); left untouched` : `the migrated file would not ${verb} (${problem}); left untouched, please report this file`);
    }
  }
  return finish(path, source, after, diagnostics, imports.targets, spans);
}
