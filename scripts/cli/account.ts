/**
 * The completeness pass: no legacy use may be left behind silently. Every legacy use the type query found in a
 * file is either gone from the planned output (converted) or still there and listed in the report with its line
 * and reason (kept working by compat). A planned output in which the query finds a legacy use that is not the
 * original one left in place (the rewrite produced it) is withdrawn: the file stays as it is, every use reported.
 */
import { identitySpans, type FilePlan } from '../../codemods/index.ts';
import { lineAt } from '../../codemods/context.ts';
import { toSource } from '../../codemods/edits.ts';
import type { LegacyUse, Recognition } from '../../codemods/typed/recognise.ts';

export interface UseCounts {
  readonly recognition: 'type-directed' | 'syntactic';
  /** Which tsconfig the program came from, or why the syntactic path ran alone. */
  readonly note: string;
  readonly total: number;
  readonly converted: number;
  readonly reported: number;
  /** Uses neither converted nor listed: the pass lists every one it finds, so anything but 0 is a bug to report. */
  readonly unaccounted: number;
  /** Files the type query could not read (their uses are the syntactic path's alone), with the reason. */
  readonly untyped: readonly { path: string; reason: string }[];
  /** Files whose own imports (relative or path alias) resolve to nothing: what those would type is unknown. */
  readonly unresolved: readonly { path: string; imports: readonly string[] }[];
}

/** Whether the report lists a line the use spans. */
function listed(plan: FilePlan, use: LegacyUse): boolean {
  const first = lineAt(plan.before, use.start);
  const last = lineAt(plan.before, Math.max(use.start, use.end - 1));
  return plan.diagnostics.some((d) => d.line >= first && d.line <= last);
}

/** One line's uses, those of one kind together: `a`, `b`: legacy X; `c`: legacy Y, not converted (compat keeps it working). */
function describe(uses: readonly LegacyUse[]): string {
  const kinds = new Map<string, string[]>();
  for (const use of uses) {
    const texts = kinds.get(use.what) ?? [];
    if (!texts.includes(use.text)) texts.push(use.text);
    kinds.set(use.what, texts);
  }
  const parts = [...kinds].map(([what, texts]) => `${texts.map((t) => `\`${t}\``).join(', ')}: legacy ${what}`);
  return `${parts.join('; ')}, not converted (compat keeps it working)`;
}

/** Adds a diagnostic for each line holding uses that the report does not list yet, naming every use on it. */
function reportUses(plan: FilePlan, uses: readonly { line: number; use: LegacyUse }[]): FilePlan {
  const diagnostics = [...plan.diagnostics];
  const byLine = new Map<number, LegacyUse[]>();
  for (const { line, use } of uses) if (!diagnostics.some((d) => d.line === line)) byLine.set(line, [...(byLine.get(line) ?? []), use]);
  for (const [line, onLine] of byLine) diagnostics.push({ line, message: describe(onLine) });
  if (diagnostics.length === plan.diagnostics.length) return plan;
  diagnostics.sort((a, b) => a.line - b.line);
  return { ...plan, diagnostics, status: plan.status === 'error' ? 'error' : 'manual' };
}

/** The plan with its output dropped: the file stays as it is, `reason` listed at `line`. */
export function withdraw(plan: FilePlan, reason: string, line: number): FilePlan {
  return {
    ...plan,
    status: plan.status === 'error' ? 'error' : 'manual',
    after: plan.before,
    targets: [],
    spans: identitySpans(plan.before),
    diagnostics: [...plan.diagnostics, { line, message: `withdrawn, left as it is: ${reason}` }].sort((a, b) => a.line - b.line),
  };
}

/** The counts when no type query ran: the syntactic path alone, and why. */
export function syntacticOnly(note: string): UseCounts {
  return { recognition: 'syntactic', note, total: 0, converted: 0, reported: 0, unaccounted: 0, untyped: [], unresolved: [] };
}

/** Accounts for every legacy use of `before` in the plans, using the query over the planned output `after`. */
export function accountUses(plans: readonly FilePlan[], before: Recognition, after: Recognition, note: string): { plans: FilePlan[]; counts: UseCounts } {
  let total = 0;
  let converted = 0;
  let reported = 0;
  let unaccounted = 0;
  const untyped: { path: string; reason: string }[] = [];
  const unresolved: { path: string; imports: readonly string[] }[] = [];
  const out = plans.map((original) => {
    let plan = original;
    const was = before.uses.get(plan.path);
    if (was === undefined) return plan;
    const fileName = before.program.files.get(plan.path)?.fileName;
    const missing = fileName === undefined ? undefined : before.program.unresolved.get(fileName);
    if (missing) unresolved.push({ path: plan.path, imports: missing });
    if (was === null) {
      untyped.push({ path: plan.path, reason: before.problems.get(plan.path) ?? 'not in the TypeScript program' });
      return plan;
    }
    total += was.length;
    const at = (use: LegacyUse) => ({ line: lineAt(plan.before, use.start), use });
    if (plan.after !== plan.before) {
      const now = after.uses.get(plan.path);
      const lost = now === null || now === undefined;
      // A use in rewritten text (an import the planner regenerated with fewer names) is the original use with the
      // same text, when there is one.
      const unmatched = [...was];
      const placed = lost
        ? []
        : now.map((use) => {
            const mapped = toSource(plan.spans, use.start);
            if (mapped !== null) return { use, source: mapped as number | null };
            const same = unmatched.findIndex((b) => b.text === use.text && b.what === use.what);
            return { use, source: same === -1 ? null : unmatched.splice(same, 1)[0]!.start };
          });
      const introduced = placed.find((p) => p.source === null || !was.some((b) => p.source! >= b.start && p.source! < b.end));
      const remaining = was.filter((b) => placed.some((p) => p.source !== null && p.source >= b.start && p.source < b.end));
      // A type the rewrite copied as written names a legacy type still, unless what it named went away under it (a JSDoc
      // type naming an import the rewrite removed, which the planner does not see): that is no conversion.
      const stranded = lost ? undefined : was.find((b) => b.annotation && !remaining.includes(b) && plan.spans.some((s) => b.start >= s.start && b.end <= s.end));
      if (lost || introduced || stranded) {
        const why = lost
          ? `the migrated file could not be type-checked (${after.problems.get(plan.path) ?? 'not in the program'})`
          : introduced
            ? `the rewrite would leave a legacy use \`${introduced.use.text}\` it did not come from; please report this file`
            : `the type \`${stranded!.text}\` would stay as written while the rewrite removes what it names; migrate this file by hand`;
        plan = withdraw(plan, why, was[0] ? lineAt(plan.before, was[0].start) : 1);
      } else {
        converted += was.length - remaining.length;
        reported += remaining.length;
        plan = reportUses(plan, placed.map((p) => ({ line: lineAt(plan.before, p.source!), use: p.use })));
        unaccounted += remaining.filter((b) => !listed(plan, b)).length;
        return plan;
      }
    }
    plan = reportUses(plan, was.map(at));
    reported += was.length;
    unaccounted += was.filter((b) => !listed(plan, b)).length;
    return plan;
  });
  return { plans: out, counts: { recognition: 'type-directed', note, total, converted, reported: reported - unaccounted, unaccounted, untyped, unresolved } };
}
