/**
 * What a record knows beyond its column values, for both flavours: new or persisted or destroyed (Rails'
 * `new_record?`, `persisted?`, `destroyed?`), its validation errors, the values the database holds (what dirty tracking
 * compares against) and the changes of the last save.
 *
 * Where the current values live is the flavour's business (own properties on ActiveRecord records, an overlay over
 * Zero's row on reactive ones): each describes it once as a `RecordStore`, and the Rails methods over it are written
 * once, in persistence.ts.
 */
import type { ModelDefinition } from './config.ts';
import type { Relation } from './relation.ts';
import { Errors, NO_SIGNAL, type ChangeSignal } from './record-errors.ts';
import type { RowData } from './zero-types.ts';
import { assignedValue } from './column-cast.ts';

/** Rails' `changes`: attribute -> [value in the database, value now]. */
export type Changes = Record<string, [unknown, unknown]>;

export class RecordState {
  readonly signal: ChangeSignal;
  readonly errors: Errors;
  #newRecord: boolean;
  #destroyed = false;
  #original: Readonly<RowData> | undefined;
  /** What the last save wrote; undefined until a save, and again after a reload (Rails forgets it there). */
  #previousChanges: Changes | undefined;
  /** Rails' `previously_new_record?`: the last save created the row (a later save, a reload or a destroy clears it). */
  #previouslyNewRecord = false;
  /**
   * @param original the values the database holds, when the record keeps its own copy (ActiveRecord records, new
   * records, reactive records after a save); undefined when the record reads them live from Zero (reactive handles).
   */
  constructor(options: { signal?: ChangeSignal; original?: Readonly<RowData>; newRecord?: boolean } = {}) {
    this.signal = options.signal ?? NO_SIGNAL;
    this.errors = new Errors(this.signal);
    this.#original = options.original;
    this.#newRecord = options.newRecord ?? false;
  }

  get newRecord(): boolean {
    this.signal.read();
    return this.#newRecord;
  }

  get destroyed(): boolean {
    this.signal.read();
    return this.#destroyed;
  }

  get original(): Readonly<RowData> | undefined {
    this.signal.read();
    return this.#original;
  }

  get previouslyNewRecord(): boolean {
    this.signal.read();
    return this.#previouslyNewRecord;
  }

  get previousChanges(): Changes {
    this.signal.read();
    return this.#previousChanges ?? {};
  }

  /**
   * Rails' `attribute_before_last_save`: the value `column` had before the last save (its value then when the save left
   * it alone, `inDatabase`); null when nothing was saved since the record was read or reloaded.
   */
  valueBeforeLastSave(column: string, inDatabase: unknown): unknown {
    this.signal.read();
    if (this.#previousChanges === undefined) return null;
    const change = this.#previousChanges[column];
    return change ? change[0] : inDatabase;
  }

  /** The values the database holds now, when the record keeps its own copy (see the constructor). */
  setOriginal(original: Readonly<RowData> | undefined): void {
    this.#original = original;
    this.signal.notify();
  }

  /**
   * After a successful save (`previousChanges`: what it wrote) or a reload (none: Rails' reload forgets the last save's
   * changes): the record is in the database.
   */
  persisted(previousChanges?: Changes): void {
    this.#previouslyNewRecord = this.#newRecord && previousChanges !== undefined;
    this.#newRecord = false;
    this.#previousChanges = previousChanges;
    this.signal.notify();
  }

  /** After `destroy`. */
  markDestroyed(): void {
    this.#destroyed = true;
    // Rails 7+ (Persistence#destroy); 6.1 left it as it was.
    this.#previouslyNewRecord = false;
    this.signal.notify();
  }
}

/**
 * How a flavour's records keep their values. The persistence and dirty-tracking methods (persistence.ts) are written
 * against this, once for both flavours.
 */
export interface RecordStore {
  readonly model: ModelDefinition;
  /** The record's state, created on first need. */
  state(record: object): RecordState;
  /** The column's value now (assigned, else as loaded). */
  read(record: object, column: string): unknown;
  /** Assigns a column's value (already cast). */
  write(record: object, column: string, value: unknown): void;
  /** The values the database holds: what `changes` compares against. */
  original(record: object): Readonly<RowData>;
  /**
   * After a write or reload of `columns`: the database holds `row`'s values for them (`row` has every column); the
   * record shows those values and has no changes left in them (changes to other columns stay).
   */
  stored(record: object, row: Readonly<RowData>, columns: readonly string[]): void;
  /** After `destroy`: ActiveRecord records freeze, as Rails freezes destroyed records. */
  destroyed(record: object): void;
  /**
   * The relation `reload` reads the row through, when a flavour wants more than the columns on it (what `includes`
   * had loaded, read again in the same read); absent or undefined: the model's.
   */
  readonly reloadRelation?: (record: object) => Relation | undefined;
  /** After `reload` read `row` (through `reloadRelation`): loaded associations are reset, as Rails resets them. */
  reloaded(record: object, row: Readonly<RowData>): void;
  /** After a save or `update_columns` wrote the record: what depended on the keys it changed is brought up to date. */
  readonly written?: (record: object) => Promise<void>;
  /** Assigns a belongs_to its record (`new({ client })`); absent where a flavour assigns foreign keys only. */
  readonly assignAssociation?: (record: object, name: string, value: unknown) => void;
}

/** Rails' change detection: assigning the value the database holds is no change (JSON columns compare by content). */
export function sameValue(model: ModelDefinition, column: string, a: unknown, b: unknown): boolean {
  if (Object.is(a, b) || ((a === null || a === undefined) && (b === null || b === undefined))) return true;
  if (model.columnTypes[column] === 'json' && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/**
 * A column's value now, as Rails would hold it: cast on assignment (`job.priority = '5'` is 5). An ActiveRecord
 * record's columns are plain properties, so the cast happens here (and in the save) rather than in a setter.
 */
export function valueNow(store: RecordStore, record: object, column: string): unknown {
  return assignedValue(store.model, column, store.read(record, column));
}

/** Whether `column` holds another value than the database's, as Rails compares it (after the assignment cast). */
export function columnChanged(store: RecordStore, record: object, column: string): boolean {
  const { model } = store;
  const was = store.original(record)[column];
  const raw = store.read(record, column);
  // Most columns are untouched: the cast is paid only by a value that differs as assigned.
  return !sameValue(model, column, was, raw) && !sameValue(model, column, was, assignedValue(model, column, raw));
}

/** Rails' `changed`: the columns whose value differs from the database's, in column order. */
export function changedColumns(store: RecordStore, record: object): string[] {
  return store.model.columns.filter((column) => columnChanged(store, record, column));
}

/** Rails' `changes`: `{ title: ['Paint', 'Repaint'] }`. */
export function changesOf(store: RecordStore, record: object): Changes {
  const original = store.original(record);
  const changes: Changes = {};
  for (const column of changedColumns(store, record)) changes[column] = [original[column] ?? null, valueNow(store, record, column) ?? null];
  return changes;
}

/** The changes between two stored rows (Rails' `previous_changes` after a save). */
export function changesBetween(model: ModelDefinition, before: Readonly<RowData>, after: Readonly<RowData>): Changes {
  const changes: Changes = {};
  for (const column of model.columns) {
    if (!sameValue(model, column, before[column], after[column])) changes[column] = [before[column] ?? null, after[column] ?? null];
  }
  return changes;
}

/** A plain object of `columns` and their values (`attributes`, `toJSON`, a record's shadowed columns). */
export function columnObject(columns: readonly string[], value: (column: string) => unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  // defineProperty: a `__proto__` column must become a key, not the object's prototype.
  for (const column of columns) Object.defineProperty(object, column, { value: value(column), enumerable: true, writable: true, configurable: true });
  return object;
}

/** Every column's current value, as one row (what validations and writes see). */
export function currentAttributes(store: RecordStore, record: object): RowData {
  const row = Object.create(null) as Record<string, unknown>;
  for (const column of store.model.columns) row[column] = store.read(record, column) ?? null;
  return row;
}
