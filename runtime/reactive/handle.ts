/**
 * Record handles: what `find`, `find_by`, `first`, `last`, `take`, `sole` (and their `_bang` forms) return at once.
 * Columns read through the finder's live answer; state is `$`-prefixed so it never collides with a column.
 */
import type { ModelDefinition } from '../core/config.ts';
import { NO_VALUES, RECORD_VALUES } from '../core/column-getters.ts';
import type { ZeroRecordError } from '../core/errors.ts';
import type { RowData } from '../core/zero-types.ts';
import { findPlan } from '../core/finders.ts';
import { KeyFind } from '../core/reads.ts';
import { Relation } from '../core/relation.ts';
import { newRecordRow } from '../core/writes.ts';
import { assignAttributes } from '../core/persistence.ts';
import type { RecordStore } from '../core/record-state.ts';
import { LiveAnswer, type QueryStatus, type Settling } from './answer.ts';
import { defineRowAccessors, type ReactiveRecordMethods, type ShadowedKey } from './record.ts';
import { ReactiveState, valuesView, type RowAccess } from './record-state.ts';

/** The state of a record handle; `Found` is what `$found` says (true, false, or either). */
export interface RecordHandleState<Self, Found extends boolean = boolean> {
  /** True until the record is found or Zero's answer is final (a new record is never loading). */
  readonly $loading: boolean;
  /** RecordNotFoundError after `find` of a missing id (once settled), a QueryFailedError, ... or null. */
  readonly $error: ZeroRecordError | null;
  readonly $status: QueryStatus;
  /** True when the record exists (a `find_by` that matched nothing ends with false and no error). */
  readonly $found: Found;
  /** The handle itself when found, else null. */
  readonly $record: Found extends true ? Self : null;
  /** Releases the Zero view now (normally unnecessary: it goes when the last reading effect goes). */
  $destroy(): void;
}

/** A handle's columns, assignable (`bind:value={job.title}`) until `save`; `Missing` is what a column reads unfound. */
type HandleColumns<Row, Missing> = { -readonly [K in Exclude<keyof Row, ShadowedKey<Row>>]: Row[K] | Missing };

/** A record handle whose record is there: what `$found` (or `$record`) narrows to, and what a saving write resolves to. */
export type FoundRecordHandle<Row> = HandleColumns<Row, never> & ReactiveRecordMethods<Row> & RecordHandleState<FoundRecordHandle<Row>, true>;

/** A record handle whose record is not there (yet): its columns may read undefined (a new record reads its defaults and what was assigned). */
export type MissingRecordHandle<Row> = HandleColumns<Row, undefined> & ReactiveRecordMethods<Row> & RecordHandleState<never, false>;

/**
 * A live record: `$found` tells the two apart, so `{#if job.$found}{job.title}{/if}` reads `title` as the row's type,
 * as `{#if query.current}{query.current.title}{/if}` did.
 */
export type RecordHandle<Row> = FoundRecordHandle<Row> | MissingRecordHandle<Row>;

const ANSWER: unique symbol = Symbol('zero-record.answer');
const STATE: unique symbol = Symbol('zero-record.state');
const VALUES_VIEW: unique symbol = Symbol('zero-record.values-view');

type Answer = LiveAnswer<unknown>;

class HandleBase {
  /** The finder's live answer; undefined for a new record until it is saved. */
  [ANSWER]: Answer | undefined;
  /**
   * Dirty tracking, errors, new/destroyed: a new record has it from the start, a found one from its first need (most
   * handles are only read, and a state costs a reactive cell). Until then columns read the answer's row directly, and
   * the handle has no slot for it (the prototype's `undefined`, as on collection records).
   */
  declare [STATE]: ReactiveState | undefined;
  /** What column getters read once the handle has a state (made with it). */
  declare [VALUES_VIEW]: RowData | undefined;

  constructor(answer: Answer | undefined) {
    this[ANSWER] = answer;
  }

  /** What column getters read: the answer's row until the handle has a state, then its values view (NO_VALUES: none). */
  get [RECORD_VALUES](): RowData {
    return (this[STATE] === undefined ? (this[ANSWER]?.get().value as RowData | undefined) : this[VALUES_VIEW]) ?? NO_VALUES;
  }

  get $status(): QueryStatus {
    // A handle's answer changes only when a new record is saved, and a new record has its state from the start.
    this[STATE]?.signal.read();
    return this[ANSWER]?.get().status ?? 'ready';
  }

  get $loading(): boolean {
    return this.$status === 'loading';
  }

  get $error(): ZeroRecordError | null {
    this[STATE]?.signal.read();
    return this[ANSWER]?.get().error ?? null;
  }

  get $found(): boolean {
    this[STATE]?.signal.read();
    const value = this[ANSWER]?.get().value;
    return value !== null && value !== undefined;
  }

  get $record(): this | null {
    return this.$found ? this : null;
  }

  $destroy(): void {
    this[ANSWER]?.destroy();
  }
}

Object.defineProperty(HandleBase.prototype, STATE, { value: undefined, writable: true });

type HandleClass = { readonly Handle: new (answer: Answer | undefined) => HandleBase; readonly store: RecordStore };

/** Gives `handle` its state, and the values view its column getters read from then on. */
function setState(model: ModelDefinition, handle: HandleBase, state: ReactiveState): ReactiveState {
  handle[VALUES_VIEW] = valuesView(model, state, () => handle[ANSWER]?.get().value as RowData | undefined);
  handle[STATE] = state;
  return state;
}
const classes = new WeakMap<ModelDefinition, HandleClass>();

function handleClass(model: ModelDefinition): HandleClass {
  const known = classes.get(model);
  if (known) return known;
  const Handle = class extends HandleBase {};
  Object.defineProperty(Handle, 'name', { value: `${model.className}Handle` });
  const access: RowAccess = {
    row: (self) => (self as HandleBase)[ANSWER]?.get().value as RowData | undefined,
    peek: (self) => (self as HandleBase)[STATE],
    state(self) {
      const handle = self as HandleBase;
      const known = handle[STATE];
      if (known) return known;
      // Effects that read a column before there was a state depend on the answer alone: its holders are told once.
      // An effect that makes the state by reading it (`job.errors` in a template) cannot depend on the state's cell,
      // which Svelte does not track in the reaction that created it; reading the answer makes it one of those holders.
      handle[ANSWER]?.get();
      return setState(model, handle, new ReactiveState({ firstChange: () => handle[ANSWER]?.touch() }));
    },
    saved(self, row) {
      // A new record, saved: from now on the handle follows its row in Zero, as `find` would.
      const handle = self as HandleBase;
      if (handle[ANSWER]) return;
      const all = new Relation(model);
      const id = row[model.primaryKey];
      handle[ANSWER] = new LiveAnswer(KeyFind.of(all, id) ?? findPlan(all, [id]));
    },
  };
  const made = { Handle, store: defineRowAccessors(Handle.prototype, model, access) };
  classes.set(model, made);
  return made;
}

/** A live handle of `model` for a single-record finder plan (or a find by key). */
export function recordHandle<Row>(model: ModelDefinition, plan: Settling<unknown>): RecordHandle<Row> {
  const { Handle } = handleClass(model);
  return new Handle(new LiveAnswer(plan)) as unknown as RecordHandle<Row>;
}

/** Rails' `Model.new(attributes)`: a handle of a new, unsaved record whose columns a form can bind to; `save()` inserts it. */
export function newRecordHandle<Row>(model: ModelDefinition, attributes: Readonly<Record<string, unknown>>, operation: string): RecordHandle<Row> {
  const { Handle, store } = handleClass(model);
  const handle = new Handle(undefined);
  setState(model, handle, new ReactiveState({ original: newRecordRow(model), newRecord: true }));
  assignAttributes(store, handle, attributes, operation);
  return handle as unknown as RecordHandle<Row>;
}
