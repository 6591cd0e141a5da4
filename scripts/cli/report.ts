/** Rendering a plan: unified diffs (the `diff` package), the summary, and the JSON report. */
import { createTwoFilesPatch } from 'diff';
import type { FilePlan, FileStatus } from '../../codemods/index.ts';
import type { UseCounts } from './account.ts';

export interface Summary {
  readonly scanned: number;
  readonly changed: number;
  readonly manual: number;
  readonly unchanged: number;
  readonly error: number;
  /** Files whose content changes (changed, plus manual files whose certain part is migrated). */
  readonly written: number;
}

export interface JsonReport {
  readonly root: string;
  readonly dry: boolean;
  readonly files: { path: string; status: FileStatus; diagnostics: { line: number; message: string }[] }[];
  readonly summary: Summary;
  readonly manifest: string | null;
  /** `$lib/...` model modules the migrated code imports that do not exist in the project yet. */
  readonly missingModels: readonly string[];
  /** Why the model imports would not resolve in this project at all (a `$lib` it does not define); applying refuses. */
  readonly targetsProblem: string | null;
  /** Legacy uses found by type and what became of each; `recognition` says which path ran. */
  readonly legacyUses: UseCounts;
}

export function summarize(plans: readonly FilePlan[]): Summary {
  const count = (status: FileStatus) => plans.filter((p) => p.status === status).length;
  return {
    scanned: plans.length,
    changed: count('changed'),
    manual: count('manual'),
    unchanged: count('unchanged'),
    error: count('error'),
    written: plans.filter((p) => p.after !== p.before).length,
  };
}

export function unifiedDiff(plan: FilePlan): string {
  return createTwoFilesPatch(`a/${plan.path}`, `b/${plan.path}`, plan.before, plan.after, undefined, undefined, { context: 3 })
    .split('\n')
    .filter((line) => !line.startsWith('Index: ') && !/^=+$/.test(line))
    .join('\n');
}

/** Why a file's legacy uses may be undercounted: imports of its own that resolve to nothing. */
function unresolvedNote(imports: readonly string[]): string {
  const names = imports.join(', ');
  const kit = imports.some((name) => /(^|\/)\$types$/.test(name))
    ? ` (SvelteKit writes \`$types\` on \`npx svelte-kit sync\`, with the app's dependencies installed: run it, then migrate again)`
    : imports.includes('@sveltejs/kit')
      ? ` (through its \`./$types\`, which is built on SvelteKit's types: install the app's dependencies, then migrate again)`
      : '';
  const one = imports.length === 1;
  return `imports ${names}, which ${one ? 'does' : 'do'} not resolve${kit}; what ${one ? 'it types' : 'they type'} is unknown here, so legacy values reaching this file that way (load data, props) are not counted`;
}

/** `N legacy uses: X converted, Y reported, 0 unaccounted`, and which recognition ran. */
export function usesLine(uses: UseCounts): string {
  if (uses.recognition === 'syntactic') return `Legacy uses not counted: syntactic recognition only (by import specifiers), because ${uses.note}.`;
  const lines = [`${uses.total} legacy uses: ${uses.converted} converted, ${uses.reported} reported, ${uses.unaccounted} unaccounted (type-directed recognition; ${uses.note}).`];
  for (const file of uses.untyped) lines.push(`  ${file.path}: not type-checked (${file.reason}); only the syntactic path saw it`);
  for (const file of uses.unresolved) lines.push(`  ${file.path}: ${unresolvedNote(file.imports)}`);
  return lines.join('\n');
}

export function summaryText(plans: readonly FilePlan[], summary: Summary, uses: UseCounts): string {
  // Files with a human's part left are manual; those whose other uses converted are written too.
  const partly = summary.written - summary.changed;
  const lines = [
    `Summary: ${summary.scanned} files scanned: ${summary.changed} changed, ${summary.manual} manual${partly ? ` (${partly} of them partly converted)` : ''}, ${summary.unchanged} unchanged, ${summary.error} errors (${summary.written} files to write).`,
    usesLine(uses),
  ];
  const flagged = plans.filter((p) => p.status === 'manual' || p.status === 'error');
  if (flagged.length) {
    lines.push('Needs a human (left as it is; compat keeps it working):');
    for (const plan of flagged) {
      for (const d of plan.diagnostics) lines.push(`  ${plan.path}:${d.line}  ${plan.status === 'error' ? 'error: ' : ''}${d.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function jsonReport(
  root: string,
  dry: boolean,
  plans: readonly FilePlan[],
  manifest: string | null,
  missingModels: readonly string[],
  targetsProblem: string | null,
  legacyUses: UseCounts,
): JsonReport {
  return {
    root,
    dry,
    files: plans.map((p) => ({ path: p.path, status: p.status, diagnostics: p.diagnostics.map((d) => ({ line: d.line, message: d.message })) })),
    summary: summarize(plans),
    manifest,
    missingModels,
    targetsProblem,
    legacyUses,
  };
}
