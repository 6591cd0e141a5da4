/**
 * The type query over a whole app, run twice by `migrate`: over the files as they are (what is legacy, and where),
 * and over the planned output (what is still legacy after the rewrite). The second program reuses every file the
 * plan leaves unchanged.
 */
import type { MigrationConfig } from '../config.ts';
import { loadTypeScript } from '../typescript.ts';
import { findLegacyUses, legacyModules, LegacyTypes, type LegacyModules, type LegacyUse } from './legacy-uses.ts';
import { buildProgram, type AppProgram } from './program.ts';
import { typedBindings, type TypedBinding } from './bindings.ts';
import { Isolation, reaching } from './isolation.ts';

export type { LegacyUse };

export interface Recognition {
  readonly program: AppProgram;
  readonly legacy: LegacyModules;
  /** Root-relative path -> its legacy uses in file order; null when the file could not be typed (see `problems`). */
  readonly uses: ReadonlyMap<string, readonly LegacyUse[] | null>;
  /** Root-relative path -> why it is not in the program. */
  readonly problems: ReadonlyMap<string, string>;
  /** Root-relative path -> legacy model objects and mutators bound there (first pass only; the planner's input). */
  readonly bindings: Readonly<Record<string, readonly TypedBinding[]>>;
}

export interface RecogniseInput {
  readonly root: string;
  readonly files: readonly string[];
  readonly config: MigrationConfig;
  readonly text: (rel: string) => string | null;
  /** The first pass, when this is the pass over the planned output. */
  readonly before?: Recognition;
  /** Only these files are queried (the pass over the output asks about the files the plan changes). */
  readonly only?: ReadonlySet<string>;
  /** The app's `kit.alias` as tsconfig paths (see ProgramInput). */
  readonly kitAliases?: Readonly<Record<string, readonly string[]>>;
}

/** Null when TypeScript is not installed: the caller runs the syntactic path alone and says so. */
export function recognise({ root, files, config, text, before, only, kitAliases }: RecogniseInput): Recognition | null {
  const ts = loadTypeScript();
  if (!ts) return null;
  const program = buildProgram({ ts, root, files, text, ...(before ? { old: before.program } : {}), ...(kitAliases ? { kitAliases } : {}) });
  // The legacy modules are not migrated, so the set found over the original files holds for the output too.
  const legacy = before?.legacy ?? legacyModules(program, config);
  const types = new LegacyTypes(program.program.getTypeChecker(), legacy, program);
  const uses = new Map<string, readonly LegacyUse[] | null>();
  const problems = new Map<string, string>();
  const bindings: Record<string, TypedBinding[]> = {};
  const reach = reaching(program, legacy.declaring);
  const isolation = new Isolation(program, reach, legacy.declaring);
  for (const rel of files) {
    if (only && !only.has(rel)) continue;
    const content = text(rel);
    if (content === null) continue;
    const problem = program.files.get(rel)?.problem;
    if (problem) problems.set(rel, problem);
    const fileName = program.files.get(rel)?.fileName;
    const found = !problem && fileName && isolation.reachIsClosed && !reach.has(fileName) ? [] : findLegacyUses(program, types, rel, content, isolation);
    uses.set(rel, found);
    if (!before && found?.length) {
      const bound = typedBindings(program, types, config, rel);
      if (bound.length) bindings[rel] = bound;
    }
  }
  return { program, legacy, uses, problems, bindings };
}
