/**
 * The type-directed part of `migrate`: recognition over the app as it is (before planning), and the completeness
 * pass over the planned output (after). Where no type query can run, the syntactic path runs alone and the
 * report says why.
 */
import { join } from 'node:path';
import type { MigrationConfig } from '../../codemods/config.ts';
import type { FilePlan } from '../../codemods/index.ts';
import { recognise, type Recognition } from '../../codemods/typed/recognise.ts';
import { accountUses, syntacticOnly, withdraw, type UseCounts } from './account.ts';
import { newErrors, typeErrors } from '../../codemods/typed/type-errors.ts';
import { readUtf8 } from './read-text.ts';
import { missingTargets } from './targets.ts';

export interface FirstPass {
  /** Null when the syntactic path runs alone; `note` says why. */
  readonly recognition: Recognition | null;
  readonly note: string;
}

const NO_LEGACY_MODULE = (config: MigrationConfig) =>
  `no legacy class or model module was found in the app's source (legacyClassModules: ${config.legacyClassModules.join(', ')}; model modules end in ${config.legacyModelSuffix}), ` +
  "nor in a workspace package it links; one installed as a copy under node_modules is not read: link it (npm, pnpm and yarn workspaces do)";

/**
 * `files` are the files to migrate. The legacy modules may lie outside them, and outside the root (a workspace
 * package): the program reaches them through imports, so it is built whenever TypeScript is there.
 */
export function recogniseApp(
  root: string,
  files: readonly string[],
  config: MigrationConfig,
  kitAliases: Readonly<Record<string, readonly string[]>>,
  syntactic = false,
): FirstPass {
  if (syntactic) return { recognition: null, note: '--syntactic was given' };
  const recognition = recognise({ root, files, config, text: (rel) => readUtf8(join(root, rel)), kitAliases });
  if (!recognition) return { recognition: null, note: 'TypeScript is not installed (npm i -D typescript enables recognition by type)' };
  if (recognition.legacy.definitions.size === 0) {
    return { recognition: null, note: NO_LEGACY_MODULE(config) };
  }
  return { recognition, note: `TypeScript program from ${recognition.program.configNote}` };
}

/**
 * Runs the type query over the planned output and accounts for every use the first pass found. With
 * `verifyTypes` (the CLI's default), a changed file whose output has type errors its original did not have is
 * withdrawn, the errors listed.
 */
export function completeness(root: string, files: readonly string[], config: MigrationConfig, plans: readonly FilePlan[], first: FirstPass, verifyTypes = false): { plans: FilePlan[]; counts: UseCounts } {
  if (!first.recognition) return { plans: [...plans], counts: syntacticOnly(first.note) };
  const byPath = new Map(plans.map((p) => [p.path, p]));
  const changed = new Set(plans.filter((p) => p.after !== p.before).map((p) => p.path));
  const after = recognise({ root, files, config, text: (rel) => byPath.get(rel)?.after ?? readUtf8(join(root, rel)), before: first.recognition, only: changed })!;
  // A file importing a model not generated yet reads it as `any`, and its errors say so, not what the migration did:
  // it is checked once the models exist (the missing-models note says to generate them).
  const missing = new Set(missingTargets(root, plans));
  const checked = verifyTypes ? plans.map((plan) => (plan.targets.some((t) => missing.has(t)) ? plan : refuseNewTypeErrors(plan, first.recognition!, after))) : plans;
  return accountUses(checked, first.recognition, after, first.note);
}

function refuseNewTypeErrors(plan: FilePlan, before: Recognition, after: Recognition): FilePlan {
  if (plan.after === plan.before) return plan;
  // The output first: most migrated files have no error at all, and then the original need not be checked.
  const now = typeErrors(after.program, plan.path, plan.after, plan.targets);
  if (!now?.length) return plan;
  const was = typeErrors(before.program, plan.path, plan.before, plan.targets);
  if (!was) return plan;
  const added = newErrors(was, now);
  if (!added.length) return plan;
  const listed = added.slice(0, 3).map((e) => `line ${e.line} of the migrated file: ${e.message}`).join('; ');
  return withdraw(plan, `type check: the migrated file would gain ${added.length} type error${added.length === 1 ? '' : 's'} (${listed}); left as it is (--no-verify-types converts it anyway)`, 1);
}
