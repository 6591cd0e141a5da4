/**
 * The type-directed part of `migrate`: recognition over the app as it is (before planning), and the completeness
 * pass over the planned output (after). Where no type query can run, the syntactic path runs alone and the
 * report says why.
 */
import { join } from 'node:path';
import { isLegacyDefinitionFile, type MigrationConfig } from '../../codemods/config.ts';
import type { FilePlan } from '../../codemods/index.ts';
import { recognise, type Recognition } from '../../codemods/typed/recognise.ts';
import { accountUses, syntacticOnly, type UseCounts } from './account.ts';
import { readUtf8 } from './read-text.ts';

export interface FirstPass {
  /** Null when the syntactic path runs alone; `note` says why. */
  readonly recognition: Recognition | null;
  readonly note: string;
}

const NO_LEGACY_MODULE = (config: MigrationConfig) =>
  `no legacy class or model module was found in the app's source (legacyClassModules: ${config.legacyClassModules.join(', ')}; model modules end in ${config.legacyModelSuffix})`;

/**
 * `files` are the files to migrate; `projectFiles` every migratable file of the project (the legacy modules may
 * lie outside the paths being migrated: the program reaches them through imports).
 */
export function recogniseApp(root: string, files: readonly string[], projectFiles: readonly string[], config: MigrationConfig, syntactic = false): FirstPass {
  if (syntactic) return { recognition: null, note: '--syntactic was given' };
  // Without a legacy module in the project there is no legacy type to find: no program is worth building.
  if (!projectFiles.some((f) => isLegacyDefinitionFile(config, f))) return { recognition: null, note: NO_LEGACY_MODULE(config) };
  const recognition = recognise({ root, files, config, text: (rel) => readUtf8(join(root, rel)) });
  if (!recognition) return { recognition: null, note: 'TypeScript is not installed (npm i -D typescript enables recognition by type)' };
  if (recognition.legacy.definitions.size === 0) {
    return { recognition: null, note: NO_LEGACY_MODULE(config) };
  }
  return { recognition, note: `TypeScript program from ${recognition.program.configNote}` };
}

/** Runs the type query over the planned output and accounts for every use the first pass found. */
export function completeness(root: string, files: readonly string[], config: MigrationConfig, plans: readonly FilePlan[], first: FirstPass): { plans: FilePlan[]; counts: UseCounts } {
  if (!first.recognition) return { plans: [...plans], counts: syntacticOnly(first.note) };
  const byPath = new Map(plans.map((p) => [p.path, p]));
  const changed = new Set(plans.filter((p) => p.after !== p.before).map((p) => p.path));
  const after = recognise({ root, files, config, text: (rel) => byPath.get(rel)?.after ?? readUtf8(join(root, rel)), before: first.recognition, only: changed })!;
  return accountUses(plans, first.recognition, after, first.note);
}
