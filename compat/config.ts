/**
 * The compat layer's switches, decided in one place: which code path a `ReactiveQuery` / `ReactiveQueryOne` runs on
 * (`useNewRecordArchitecture`) and whether the deprecation warnings are shown. Flipping either takes effect at once,
 * also for queries that are live right now (they reopen their view on the chosen path): no redeploy needed.
 */
import { classify } from '../runtime/core/inflect.ts';
import { warnOnce } from '../runtime/core/warn.ts';
import { zeroOf } from '../runtime/core/zero-source.ts';

/** What the per-model flag function is asked about: the table the legacy query reads, and its Rails class name. */
export interface CompatModel {
  readonly table: string;
  readonly className: string;
}

/** `true`: every compat query runs on the new runtime; `false`: on the legacy code path; a function: per model. */
export type ArchitectureFlag = boolean | ((model: CompatModel) => boolean);

/** The compat layer's settings; each call changes only the keys it passes. */
export interface RecordsOptions {
  /** Default `false` (the legacy path) until the app opts in. The new runtime needs `configureZero(() => getZero())`. */
  readonly useNewRecordArchitecture?: ArchitectureFlag;
  /** `false` silences the one-time deprecation warnings of the legacy classes. Default `true`. */
  readonly deprecationWarnings?: boolean;
}

/** Which code path a compat query runs on. */
export type CompatPath = 'runtime' | 'legacy';

let flag: ArchitectureFlag = false;
let deprecationWarnings = true;
const listeners = new Set<() => void>();

/**
 * Sets the compat switches at runtime.
 * @example configureRecords({ useNewRecordArchitecture: (model) => model.className !== 'Invoice' });
 */
export function configureRecords(options: RecordsOptions): void {
  if (options.deprecationWarnings !== undefined) deprecationWarnings = options.deprecationWarnings;
  if (options.useNewRecordArchitecture === undefined || options.useNewRecordArchitecture === flag) return;
  flag = options.useNewRecordArchitecture;
  for (const listener of [...listeners]) listener();
}

/** The one place the path is decided. The new runtime needs to know the app's Zero; without it the legacy path is used. */
export function compatPathFor(table: string): CompatPath {
  const model = { table, className: classify(table) };
  if (!(typeof flag === 'function' ? flag(model) : flag)) return 'legacy';
  if (zeroOf()) return 'runtime';
  warnOnce(
    'compat-no-zero',
    'zero-record compat: useNewRecordArchitecture is on but configureZero() gives no Zero client; legacy queries run on ' +
      'the legacy path until the app calls configureZero(() => getZero()).',
  );
  return 'legacy';
}

/** Calls `listener` whenever the architecture flag changes; returns the function that stops listening. */
export function onArchitectureChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Warns once per process (not per instance) that a legacy class is deprecated, unless silenced. */
export function warnDeprecated(name: string): void {
  if (!deprecationWarnings) return;
  warnOnce(
    `compat-deprecated:${name}`,
    `zero-record: ${name} is deprecated and kept working by zero-record/compat. Run \`npm run migrate\` to move to the ` +
      `model API (see MIGRATION.md); silence with configureRecords({ deprecationWarnings: false }).`,
  );
}
