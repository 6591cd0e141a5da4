/**
 * The type-directed part of `migrate`: recognition over the app as it is (before planning), and the completeness
 * pass over the planned output (after). Where no type query can run, the syntactic path runs alone and the
 * report says why.
 */
import { join } from 'node:path';
import type { MigrationConfig } from '../../codemods/config.ts';
import type { FilePlan } from '../../codemods/index.ts';
import { recognise, type Recognition } from '../../codemods/typed/recognise.ts';
import { accountUses, syntacticOnly, type UseCounts } from './account.ts';
import { readUtf8 } from './read-text.ts';

export interface FirstPass {
  /** Null when the syntactic path runs alone; `note` says why. */
  readonly recognition: Recognition | null;
  readonly note: string;
}

export function recogniseApp(root: string, files: readonly string[], config: MigrationConfig): FirstPass {
  const recognition = recognise({ root, files, config, text: (rel) => readUtf8(join(root, rel)) });
  if (!recognition) return { recognition: null, note: 'TypeScript is not installed (npm i -D typescript enables recognition by type)' };
  if (recognition.legacy.definitions.size === 0) {
    return { recognition: null, note: `no legacy class or model module was found in the app's source (legacyClassModules: ${config.legacyClassModules.join(', ')}; model modules end in ${config.legacyModelSuffix})` };
  }
  return { recognition, note: `TypeScript program from ${recognition.program.configNote}` };
}

/** Runs the type query over the planned output and accounts for every use the first pass found. */
export function completeness(root: string, files: readonly string[], config: MigrationConfig, plans: readonly FilePlan[], first: FirstPass): { plans: FilePlan[]; counts: UseCounts } {
  if (!first.recognition) return { plans: [...plans], counts: syntacticOnly(first.note) };
  const byPath = new Map(plans.map((p) => [p.path, p]));
  const after = recognise({ root, files, config, text: (rel) => byPath.get(rel)?.after ?? readUtf8(join(root, rel)), before: first.recognition })!;
  return accountUses(plans, first.recognition, after, first.note);
}
