/**
 * The one implementation behind `ReactiveQuery` and `ReactiveQueryOne` (they differ only in how rows become `data`).
 * A Zero view is held only while someone needs it live: `subscribe` callbacks, or Svelte effects reading the query.
 * Reads outside both get Zero's current local data without keeping a view, so forgetting `destroy()` leaks nothing.
 * While the thunk returns null (Zero not ready) a held query retries every 100 ms, as the legacy classes did.
 */
import type { TTL } from '@rocicorp/zero';
import { createSubscriber } from 'svelte/reactivity';
import { QueryFailedError, ZeroRecordError } from '../runtime/core/errors.ts';
import { normalizeTtl } from '../runtime/core/ttl.ts';
import { warnOnce } from '../runtime/core/warn.ts';
import type { LiveResult, ResultType } from '../runtime/core/zero-binding.ts';
import type { RowData } from '../runtime/core/zero-types.ts';
import { onArchitectureChange } from './config.ts';
import { openView, peekView, type CompatView, type LegacyQuery } from './views.ts';

/** `'loading'` until Zero is ready and the query ran, then Zero's own result type. */
export type CompatResultType = 'loading' | ResultType;

/** The second argument of `subscribe` callbacks (legacy shape). */
export interface QueryMeta {
  readonly isLoading: boolean;
  readonly error: Error | null;
}

/** The state every getter of the legacy classes reads. */
export interface CompatState<V> {
  readonly data: V;
  readonly isLoading: boolean;
  readonly error: ZeroRecordError | null;
  readonly resultType: CompatResultType;
}

/** What the legacy classes took when no TTL was given; Zero clamps it to 10 minutes (normalizeTtl warns once). */
export const LEGACY_DEFAULT_TTL = '1h';
const RETRY_MS = 100;
const NOT_READY = Symbol('not-ready');
type Snapshot = LiveResult | typeof NOT_READY;

/** How `ReactiveQuery` shapes rows: a fresh array (the legacy class copied Zero's). */
export function listOf<T>(rows: readonly RowData[]): T[] {
  return [...rows] as T[];
}

/** How `ReactiveQueryOne` shapes rows: a plain copy of the first row's columns, or null when there is none. */
export function oneOf<T>(rows: readonly RowData[]): T | null {
  return rows[0] ? (Object.fromEntries(Object.entries(rows[0])) as T) : null;
}

/** A thunk or `materialize` that threw: typed, with the original message verbatim (apps show legacy `error.message`). */
function failed(error: unknown): LiveResult {
  const typed = error instanceof ZeroRecordError ? error : new QueryFailedError(String((error as Error)?.message ?? error), { cause: error });
  return { rows: [], resultType: 'error', error: typed, settled: true };
}

export class LiveLegacyQuery<V> {
  readonly #build: () => LegacyQuery | null | undefined;
  readonly #initial: V;
  readonly #shape: (rows: readonly RowData[]) => V;
  readonly #ttl: TTL;
  readonly #label: string;
  readonly #track: () => void;
  readonly #holders = new Set<() => void>();
  #view: CompatView | undefined;
  #stopListening: (() => void) | undefined;
  #failure: LiveResult | undefined;
  #stopWatching: (() => void) | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #snapshot: LiveResult | undefined;
  #state: { source: Snapshot; state: CompatState<V> } | undefined;
  #destroyed = false;

  constructor(build: () => LegacyQuery | null | undefined, initial: V, shape: (rows: readonly RowData[]) => V, ttl: unknown, label: string) {
    this.#build = build;
    this.#initial = initial;
    this.#shape = shape;
    this.#label = label;
    if (ttl === undefined) warnOnce(`compat-default-ttl:${label}`, `${label}: no TTL given, using default '${LEGACY_DEFAULT_TTL}'`);
    this.#ttl = normalizeTtl(ttl ?? LEGACY_DEFAULT_TTL);
    this.#track = createSubscriber((update) => this.hold(update));
    // Run the thunk now, as the legacy constructor did: inside `$derived(new ReactiveQuery(...))` this is what makes
    // the derived depend on the props the thunk reads (a new query when they change). Cached for the first reads.
    this.#peek();
  }

  /** The state now; inside a Svelte effect this also keeps the view live and re-runs the effect on change. */
  get state(): CompatState<V> {
    if (this.#destroyed) return this.#state?.state ?? this.#stateOf(NOT_READY);
    this.#track();
    return this.#stateOf(this.#view?.result ?? this.#failure ?? this.#peek());
  }

  /** Keeps the view live and calls `listener` after every change until the returned function is called. */
  hold(listener: () => void): () => void {
    if (this.#destroyed) return () => {};
    const holder = () => listener();
    this.#holders.add(holder);
    if (this.#holders.size === 1) {
      this.#stopWatching = onArchitectureChange(() => this.refresh());
      this.#open();
    }
    return () => {
      if (this.#holders.delete(holder) && this.#holders.size === 0) this.#stop();
    };
  }

  /** Calls `callback` now and after every change (legacy `subscribe`). */
  subscribe(callback: (data: V, meta: QueryMeta) => void): () => void {
    const emit = () => {
      const { data, isLoading, error } = this.state;
      callback(data, { isLoading, error });
    };
    const release = this.hold(emit);
    emit();
    return release;
  }

  /** Tears the view down and opens it again (on the path the flag chooses now). */
  refresh(): void {
    this.#snapshot = undefined;
    if (this.#holders.size === 0) return;
    this.#close();
    this.#open();
    this.#emit();
  }

  /** Releases everything now; the last data stays readable. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#holders.clear();
    this.#stop();
  }

  #open(): void {
    try {
      const query = this.#build();
      if (!query) {
        this.#retry = setTimeout(() => {
          this.#retry = undefined;
          this.#open();
          if (!this.#retry) this.#emit();
        }, RETRY_MS);
        return;
      }
      this.#view = openView(query, this.#ttl, this.#label);
      this.#stopListening = this.#view.onChange(() => this.#emit());
    } catch (error) {
      this.#failure = failed(error);
    }
  }

  #close(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#view?.release();
    this.#view = undefined;
    this.#failure = undefined;
  }

  #stop(): void {
    this.#close();
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  #emit(): void {
    for (const holder of [...this.#holders]) holder();
  }

  /** Zero's local data without a live view; cached for the current task so a burst of reads costs one snapshot. */
  #peek(): Snapshot {
    if (this.#snapshot) return this.#snapshot;
    let snapshot: Snapshot;
    try {
      const query = this.#build();
      snapshot = query ? peekView(query, this.#ttl, this.#label) : NOT_READY;
    } catch (error) {
      snapshot = failed(error);
    }
    if (snapshot === NOT_READY) return snapshot;
    this.#snapshot = snapshot;
    queueMicrotask(() => {
      this.#snapshot = undefined;
    });
    return snapshot;
  }

  /** Memoized per Zero result, so `q.data === q.data` between changes. */
  #stateOf(source: Snapshot): CompatState<V> {
    if (this.#state?.source === source) return this.#state.state;
    const state: CompatState<V> =
      source === NOT_READY
        ? { data: this.#state?.state.data ?? this.#initial, isLoading: true, error: null, resultType: 'loading' }
        : { data: source.error ? (this.#state?.state.data ?? this.#initial) : this.#shape(source.rows), isLoading: false, error: source.error, resultType: source.resultType };
    this.#state = { source, state };
    return state;
  }
}
