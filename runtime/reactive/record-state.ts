/**
 * The state of a reactive record or handle (core RecordState) with what only reactive records need: the values
 * assigned and not saved yet, over Zero's row, and a Svelte signal so effects that read them re-run when they change.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { ModelDefinition } from '../core/config.ts';
import { QueryError } from '../core/errors.ts';
import type { ChangeSignal } from '../core/record-errors.ts';
import { RecordState, type RecordStore } from '../core/record-state.ts';
import { assignableValue } from '../core/column-cast.ts';
import type { RowData } from '../core/zero-types.ts';

/**
 * A version number effects depend on. One `SvelteMap` entry: the reactive cell `svelte/reactivity` offers outside
 * runes, read at the cost of a plain source read (a `createSubscriber` would add an effect per read). `firstChange`
 * runs once, at the first notify: readers that read the record before it had a state never read this cell.
 */
function changeSignal(firstChange: (() => void) | undefined): ChangeSignal {
  const cell = new SvelteMap<0, number>([[0, 0]]);
  let version = 0;
  let first = firstChange;
  return {
    read: () => void cell.get(0),
    notify: () => {
      cell.set(0, ++version);
      const tell = first;
      first = undefined;
      tell?.();
    },
  };
}

export class ReactiveState extends RecordState {
  /** Values assigned and not saved yet (column -> value); undefined until the first assignment. */
  assigned: Record<string, unknown> | undefined;
  /**
   * The Zero row `original` was taken over. A saved record shows what it saved until Zero hands out a newer row:
   * records of a collection keep their row for life, handles read the newer row once it arrives.
   */
  basis: RowData | undefined;

  /**
   * @param options.firstChange for a state made after readers already read the record from its row alone (a record
   * handle's state is made at its first write): tells them, once, to read again, through this state from then on.
   */
  constructor(options: { original?: RowData; newRecord?: boolean; firstChange?: () => void } = {}) {
    const { firstChange, ...state } = options;
    super({ ...state, signal: changeSignal(firstChange) });
  }
}

/** Where a record's row and state are: a collection record holds its row; a handle reads its finder's live answer. */
export interface RowAccess {
  /** Zero's row the record reads; undefined while a handle's record is not found, and for new records. */
  row(self: object): RowData | undefined;
  /** The state, or undefined while the record has none (collection records get one when first written to). */
  peek(self: object): ReactiveState | undefined;
  /** The state, created on first need. */
  state(self: object): ReactiveState;
  /** After a save: a new handle starts following its row in Zero. */
  saved?(self: object, row: RowData): void;
}

const STATE: unique symbol = Symbol('zero-record.view-state');
const ROW: unique symbol = Symbol('zero-record.view-row');

interface ValuesView {
  readonly [STATE]: ReactiveState;
  readonly [ROW]: () => RowData | undefined;
}

type ViewClass = new (state: ReactiveState, row: () => RowData | undefined) => ValuesView;
const viewClasses = new WeakMap<ModelDefinition, ViewClass>();

/**
 * What column getters read (`RECORD_VALUES`) on a record or handle with a state: its columns, each read through the
 * state (so effects re-run when it changes) over `row()`, the Zero row it shows now. One per state; one class per model.
 */
export function valuesView(model: ModelDefinition, state: ReactiveState, row: () => RowData | undefined): RowData {
  let View = viewClasses.get(model);
  if (!View) {
    View = class {
      readonly [STATE]: ReactiveState;
      readonly [ROW]: () => RowData | undefined;
      constructor(state: ReactiveState, row: () => RowData | undefined) {
        this[STATE] = state;
        this[ROW] = row;
      }
    };
    for (const column of model.columns) {
      // Shadowed columns have no column getter to read them here (read_attribute reads the state itself).
      if (model.shadowedColumns.includes(column)) continue;
      Object.defineProperty(View.prototype, column, {
        enumerable: true,
        get(this: ValuesView) {
          return readColumn(this[STATE], this[ROW](), column);
        },
      });
    }
    viewClasses.set(model, View);
  }
  return new View(state, row) as unknown as RowData;
}

/** A column's value: assigned, else the saved value while Zero's row is the one it was saved over, else Zero's row. */
export function readColumn(state: ReactiveState, row: RowData | undefined, column: string): unknown {
  state.signal.read();
  const assigned = state.assigned;
  if (assigned !== undefined && column in assigned) return assigned[column];
  const original = state.original;
  return (original !== undefined && row === state.basis ? original : row)?.[column];
}

/** The RecordStore of reactive records and handles (see core/record-state.ts). */
export function reactiveStore(model: ModelDefinition, access: RowAccess): RecordStore {
  const original = (self: object): RowData => {
    const state = access.state(self);
    const row = access.row(self);
    const kept = state.original;
    if (kept !== undefined && row === state.basis) return kept;
    if (row) return row;
    if (kept) return kept;
    const handle = self as { $error?: Error | null };
    throw handle.$error ?? new QueryError(`${model.className}: the record is not loaded yet; write once $found is true`);
  };
  return {
    model,
    state: (self) => access.state(self),
    read: (self, column) => readColumn(access.state(self), access.row(self), column),
    write(self, column, value) {
      const state = access.state(self);
      (state.assigned ??= Object.create(null) as Record<string, unknown>)[column] = assignableValue(model, column, value);
      state.signal.notify();
    },
    original,
    stored(self, row, columns) {
      const state = access.state(self);
      const before = original(self);
      access.saved?.(self, row);
      if (state.assigned) for (const column of columns) delete state.assigned[column];
      state.basis = access.row(self);
      state.setOriginal({ ...before, ...Object.fromEntries(columns.map((column) => [column, row[column]])) });
    },
    destroyed() {},
    // A handle's associations are live: nothing is held to drop.
    reloaded() {},
  };
}
