/**
 * The one implementation behind `ReactiveQuery` and `ReactiveQueryOne` (they differ only in how rows become `data`):
 * a legacy query as a source for the runtime's runes bridge (`LiveQuery`), which holds a Zero view only while someone
 * needs it live (`subscribe` callbacks, or Svelte effects reading the query). Reads outside both get Zero's current
 * local data without keeping a view, so forgetting `destroy()` leaks nothing. While the thunk returns null (Zero not
 * ready) a held query waits the runtime's one way (again on `configureZero`, and polling the thunk, as the legacy classes
 * retried every 100 ms); a flag change reopens it on the chosen path.
 */
import type { TTL } from '@rocicorp/zero';
import { QueryFailedError, asZeroRecordError, type ZeroRecordError } from '../runtime/core/errors.ts';
import { normalizeTtl } from '../runtime/core/ttl.ts';
import { warnOnce } from '../runtime/core/warn.ts';
import type { LiveResult, ResultType } from '../runtime/core/shared-views.ts';
import type { ChangeListener, LiveSource } from '../runtime/core/live-subscription.ts';
import type { MonitorLabel } from '../runtime/core/monitoring.ts';
import { whenReady } from '../runtime/core/zero-source.ts';
import type { RowData } from '../runtime/core/zero-types.ts';
import { LiveQuery } from '../runtime/reactive/live-query.ts';
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
const NOT_READY = Symbol('not-ready');

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
  const typed = asZeroRecordError(error, (cause) => new QueryFailedError(String((cause as Error)?.message ?? cause), { cause }));
  return { rows: [], resultType: 'error', error: typed, settled: true };
}

/** A legacy query's view while started, on the path the architecture flag chooses; `onFlagChange` while started. */
class LegacyQuerySource implements LiveSource {
  readonly #build: () => LegacyQuery | null | undefined;
  readonly #ttl: TTL;
  readonly #label: string;
  readonly #onFlagChange: () => void;
  #view: CompatView | undefined;
  #failure: LiveResult | undefined;
  #monitorAs: MonitorLabel | undefined;
  /** While started: stops what `start` started. */
  #stopStarted: (() => void) | undefined;

  constructor(build: () => LegacyQuery | null | undefined, ttl: TTL, label: string, onFlagChange: () => void) {
    this.#build = build;
    this.#ttl = ttl;
    this.#label = label;
    this.#onFlagChange = onFlagChange;
  }

  start(changed: ChangeListener): void {
    let starting = true;
    const open = (query: LegacyQuery): void => {
      try {
        const opened = openView(query, this.#ttl, this.#label);
        this.#view = opened.view;
        this.#monitorAs = opened.monitorAs;
        this.#view.onChange(changed);
      } catch (error) {
        this.#failure = failed(error);
      }
      if (!starting) changed.changed();
    };
    const stopWatching = onArchitectureChange(this.#onFlagChange);
    // The thunk is the app's own function: only polling sees when it starts returning a query.
    const cancelWait = whenReady(this.#build, { polls: () => true }, open, (thrown) => {
      this.#failure = failed(thrown);
      if (!starting) changed.changed();
    });
    starting = false;
    this.#stopStarted = () => {
      stopWatching();
      cancelWait();
      this.#view?.offChange(changed);
      this.#view?.release();
      this.#view = undefined;
      this.#failure = undefined;
    };
  }

  stop(): void {
    const stop = this.#stopStarted;
    this.#stopStarted = undefined;
    stop?.();
  }

  live(): LiveResult | undefined {
    return this.#view?.result ?? this.#failure;
  }

  snapshot(): LiveResult | undefined {
    try {
      const query = this.#build();
      return query ? peekView(query, this.#ttl, this.#label) : undefined;
    } catch (error) {
      return failed(error);
    }
  }

  label(): MonitorLabel {
    return this.#monitorAs ?? { model: this.#label, newArchitecture: false };
  }
}

export class LiveLegacyQuery<V> {
  readonly #initial: V;
  readonly #shape: (rows: readonly RowData[]) => V;
  readonly #query: LiveQuery;
  #state: { source: LiveResult | typeof NOT_READY; state: CompatState<V> } | undefined;

  constructor(build: () => LegacyQuery | null | undefined, initial: V, shape: (rows: readonly RowData[]) => V, ttl: unknown, label: string) {
    this.#initial = initial;
    this.#shape = shape;
    if (ttl === undefined) warnOnce(`compat-default-ttl:${label}`, `${label}: no TTL given, using default '${LEGACY_DEFAULT_TTL}'`);
    // A flag change reopens a held query on the path the flag chooses now, as `refresh()` does.
    this.#query = new LiveQuery(new LegacyQuerySource(build, normalizeTtl(ttl ?? LEGACY_DEFAULT_TTL), label, () => this.refresh()));
    // Run the thunk now, as the legacy constructor did: inside `$derived(new ReactiveQuery(...))` this is what makes
    // the derived depend on the props the thunk reads (a new query when they change). Cached for the first reads.
    this.#query.peek();
  }

  /** The state now; inside a Svelte effect this also keeps the view live and re-runs the effect on change. */
  get state(): CompatState<V> {
    if (this.#query.destroyed) return this.#state?.state ?? this.#stateOf(NOT_READY);
    return this.#stateOf(this.#query.read() ?? NOT_READY);
  }

  /** Calls `callback` now and after every change (legacy `subscribe`). */
  subscribe(callback: (data: V, meta: QueryMeta) => void): () => void {
    const emit = () => {
      const { data, isLoading, error } = this.state;
      callback(data, { isLoading, error });
    };
    const release = this.#query.hold(emit);
    emit();
    return release;
  }

  /** Tears the view down and opens it again (on the path the flag chooses now). */
  refresh(): void {
    this.#query.restart();
  }

  /** Releases everything now; the last data stays readable. */
  destroy(): void {
    this.#query.destroy();
  }

  /** Memoized per Zero result, so `q.data === q.data` between changes. */
  #stateOf(source: LiveResult | typeof NOT_READY): CompatState<V> {
    if (this.#state?.source === source) return this.#state.state;
    const state: CompatState<V> =
      source === NOT_READY
        ? { data: this.#state?.state.data ?? this.#initial, isLoading: true, error: null, resultType: 'loading' }
        : { data: source.error ? (this.#state?.state.data ?? this.#initial) : this.#shape(source.rows), isLoading: false, error: source.error, resultType: source.resultType };
    this.#state = { source, state };
    return state;
  }
}
