/**
 * Live Zero views shared by every reader of an identical query, and synchronous reads of a query's current result.
 */
import type { TTL } from '@rocicorp/zero';
import { ConnectionError, QueryFailedError, type ZeroRecordError } from './errors.ts';
import type { Relation } from './relation.ts';
import { queryFor, rowsOf } from './reads.ts';
import { closedError, hasServer } from './zero-source.ts';
import { isStalled } from './connection.ts';
import type { AnyQuery, AnyZero, RowData } from './zero-types.ts';
import type { ChangeListener } from './live-subscription.ts';
import { hasMember, withMember, withoutMember, type OneOrMany } from './one-or-many.ts';

export type ResultType = 'unknown' | 'complete' | 'error';

/** The latest state of a live view. */
export interface LiveResult {
  readonly rows: readonly RowData[];
  readonly resultType: ResultType;
  readonly error: ZeroRecordError | null;
  /** True once the rows are authoritative: 'complete', or any result from a client without a server. */
  readonly settled: boolean;
}

interface TypedViewLike {
  readonly data: unknown;
  addListener(listener: (data: unknown, resultType: ResultType, error?: unknown) => void): () => void;
  destroy(): void;
}

/** What a shared view materializes: any Zero query, identified by `key` (identical keys share one view). */
export interface ViewSpec {
  readonly key: string;
  readonly query: unknown;
  readonly ttl: TTL;
  /** Names the source in error messages (`Job`). */
  readonly label: string;
  /** Post-processing of Zero's rows (a relation drops its offset rows): the relation itself, not a closure over it. */
  readonly filter?: RowFilter | undefined;
}

/** What post-processes a view's rows (a Relation is one). */
export interface RowFilter {
  rows(raw: readonly RowData[]): readonly RowData[];
}

/** The view spec of a relation on `z` (throws `ConfigError` when `z` can never answer it; see `queryFor`). */
export function relationView(z: AnyZero, relation: Relation): ViewSpec {
  return { key: relation.key, query: queryFor(z, relation), ttl: relation.effectiveTtl, label: relation.model.className, filter: relation.filtersRows ? relation : undefined };
}

/** What turns a view's data into a result: the spec's label and filter, and whether the client has a server. */
interface ResultShape {
  readonly label: string;
  readonly filter: RowFilter | undefined;
  readonly server: boolean;
}

function liveResult(shape: ResultShape, data: unknown, resultType: ResultType, error?: unknown): LiveResult {
  const failed = resultType === 'error';
  const raw = rowsOf(data);
  const { filter, label, server } = shape;
  return {
    rows: filter ? filter.rows(raw) : raw,
    resultType,
    error: failed
      ? new QueryFailedError(`${label}: live query failed: ${String((error as { message?: string })?.message ?? error)}`, { cause: error })
      : null,
    settled: failed || resultType === 'complete' || !server,
  };
}

/** The client's connection state when it stalls every unanswered read, else undefined. */
function stalledState(z: AnyZero): string | undefined {
  const { name } = z.connection.state.current;
  return isStalled(name) ? name : undefined;
}

/**
 * A result as the connection leaves it: a read still waiting for its answer while the connection is stalled would wait
 * forever, and a view Zero failed because of it (closing fails every view) names the wrong cause, so both fail with a
 * `ConnectionError` naming the state; an answered read keeps its rows (they stay the best there is, and a connection
 * hiccup must not blank a page). Once the connection recovers the view's own result shows again.
 */
function overConnection(result: LiveResult, state: string | undefined, label: string, error?: ZeroRecordError | null): LiveResult {
  if (!state || answered(result)) return result;
  return { ...result, resultType: 'error', error: error ?? stalledError(state, label), settled: true };
}

function stalledError(state: string, label: string): ConnectionError {
  return state === 'closed'
    ? closedError(label)
    : new ConnectionError(state, `${label}: the connection to zero-cache is '${state}'; reconnect (watchConnection retries by itself) to get the answer`);
}

function answered(result: LiveResult): boolean {
  return result.settled && result.resultType !== 'error';
}

/** The shared views of one Zero client, and the one watch on its connection they share. */
interface ClientViews {
  readonly views: Map<string, SharedView>;
  /** The stalled connection state, while there is one. */
  stalled: string | undefined;
  stopWatching: (() => void) | undefined;
}

/**
 * A Zero view shared by every reader of an identical query; destroyed when its last reader releases it. It keeps what
 * it needs of its spec (its own shape), not the spec: a live source drops the spec once the view is retained.
 */
export class SharedView implements ResultShape {
  readonly key: string;
  readonly label: string;
  readonly filter: RowFilter | undefined;
  readonly server: boolean;
  #refs = 0;
  // Almost always one: its relation's live source.
  #listeners: OneOrMany<ChangeListener>;
  #view: TypedViewLike | undefined;
  #stopListening: (() => void) | undefined;
  #result: LiveResult = { rows: [], resultType: 'unknown', error: null, settled: false };
  /** `#result` as the stalled connection shows it, memoized so readers see one object per change. */
  #stalled: { readonly of: LiveResult; readonly state: string; readonly result: LiveResult } | undefined;
  readonly #client: ClientViews;

  constructor(z: AnyZero, spec: ViewSpec, client: ClientViews) {
    this.key = spec.key;
    this.label = spec.label;
    this.filter = spec.filter;
    this.server = hasServer(z);
    this.#client = client;
    const view = z.materialize(spec.query as AnyQuery, { ttl: spec.ttl }) as unknown as TypedViewLike;
    this.#view = view;
    this.#stopListening = view.addListener((data, resultType, error) => {
      this.#result = liveResult(this, data, resultType, error);
      this.notify();
    });
  }

  get result(): LiveResult {
    const state = this.#client.stalled;
    if (!state || answered(this.#result)) return this.#result;
    if (this.#stalled?.of !== this.#result || this.#stalled.state !== state) {
      // The same stall keeps its error object while Zero's result changes under it: one failure, reported once.
      const error = this.#stalled?.state === state ? this.#stalled.result.error : undefined;
      this.#stalled = { of: this.#result, state, result: overConnection(this.#result, state, this.label, error) };
    }
    return this.#stalled.result;
  }

  /** Tells every listener that `result` changed. */
  notify(): void {
    const listeners = this.#listeners;
    if (!Array.isArray(listeners)) return listeners?.changed();
    // A listener may stop another during the walk: one stopped before its turn is not told (as a Set's walk skips it),
    // unless it was started again before its turn (a listener is its subscription, the same object across restarts: it
    // reads the result again, which is harmless). One added during the walk is not told (a Set's walk would): a source
    // that attaches reads the result itself.
    for (const listener of listeners.slice()) if (hasMember(this.#listeners, listener)) listener.changed();
  }

  retain(): void {
    this.#refs++;
  }

  /** Drops one reader; the last one destroys the Zero view. */
  release(): void {
    if (--this.#refs > 0 || !this.#view) return;
    // Zero 1.9 keeps destroyed views reachable (and their listeners with them): detach ours first, or it pins the spec.
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.#view.destroy();
    this.#view = undefined;
    this.#listeners = undefined;
    this.#client.views.delete(this.key);
    if (this.#client.views.size === 0) {
      this.#client.stopWatching?.();
      this.#client.stopWatching = undefined;
    }
  }

  /** Tells `listener` of each change, until `offChange(listener)`. */
  onChange(listener: ChangeListener): void {
    this.#listeners = withMember(this.#listeners, listener);
  }

  offChange(listener: ChangeListener): void {
    this.#listeners = withoutMember(this.#listeners, listener);
  }
}

const viewsByZero = new WeakMap<AnyZero, ClientViews>();

/** Watches `z`'s connection while it has shared views: one subscription per client, not per view. */
function watchStalls(z: AnyZero, client: ClientViews): void {
  client.stalled = stalledState(z);
  client.stopWatching = z.connection.state.subscribe(() => {
    const stalled = stalledState(z);
    if (stalled === client.stalled) return;
    client.stalled = stalled;
    for (const view of [...client.views.values()]) view.notify();
  });
}

/** Retains the shared view for `spec` on `z` (creating it if needed). Pair every call with `view.release()`. */
export function retainView(z: AnyZero, spec: ViewSpec): SharedView {
  let client = viewsByZero.get(z);
  if (!client) viewsByZero.set(z, (client = { views: new Map(), stalled: undefined, stopWatching: undefined }));
  let view = client.views.get(spec.key);
  if (!view) {
    view = new SharedView(z, spec, client);
    // After the view exists: a materialize that throws leaves no watch behind.
    if (client.views.size === 0) watchStalls(z, client);
    client.views.set(spec.key, view);
  }
  view.retain();
  return view;
}

/**
 * The current result for `spec` without keeping anything live: the shared view's result when one is retained, else Zero's
 * local data read synchronously from a view destroyed at once (TTL 'none', so nothing is kept for it). For reads outside
 * any subscription (event handlers, SSR).
 */
export function readView(z: AnyZero, spec: ViewSpec): LiveResult {
  const live = viewsByZero.get(z)?.views.get(spec.key);
  if (live) return live.result;
  const view = z.materialize(spec.query as AnyQuery, { ttl: 'none' }) as unknown as TypedViewLike;
  const shape: ResultShape = { label: spec.label, filter: spec.filter, server: hasServer(z) };
  let result: LiveResult | undefined;
  const stop = view.addListener((data, resultType, error) => {
    result = liveResult(shape, data, resultType, error);
  });
  stop();
  view.destroy();
  return overConnection(result ?? liveResult(shape, view.data, 'unknown'), stalledState(z), spec.label);
}

/** How many shared views are live on `z` (diagnostics; leak tests count Zero's own views). */
export function liveViewCount(z: AnyZero): number {
  return viewsByZero.get(z)?.views.size ?? 0;
}

