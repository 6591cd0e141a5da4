/**
 * The one Zero binding both flavours share: where Zero comes from, one-shot runs, shared live views, and writes.
 */
import type { TTL } from '@rocicorp/zero';
import type { ModelDefinition } from './config.ts';
import { ConfigError, ConnectionError, MutationError, RecordInvalidError, QueryFailedError, ZeroNotReadyError, asZeroRecordError, type ZeroRecordError } from './errors.ts';
import { recordMutators, type WriteArgs, type WriteOperation } from './mutators.ts';
import { modelMutatorOf } from './model-mutators.ts';
import type { Relation } from './relation.ts';
import { underscore } from './inflect.ts';
import { buildRelationQuery, type ZqlQuery } from './relation-spec.ts';
import type { AnyZero, RowData, ZeroSource } from './zero-types.ts';

let defaultSource: ZeroSource | undefined;

/**
 * Points every model without its own `zero` option at the app's Zero client.
 * @example configureZero(() => getZero()); // undefined until the app has created it
 */
export function configureZero(source: ZeroSource | undefined): void {
  defaultSource = source;
}

function sourceOf(model: ModelDefinition): ZeroSource | undefined {
  return model.zero ?? defaultSource;
}

/** The Zero client of `source` (default: the one given to `configureZero`) now, or undefined while it is not ready. */
export function zeroOf(source: ZeroSource | undefined = defaultSource): AnyZero | undefined {
  const z = typeof source === 'function' ? source() : source;
  return z ?? undefined;
}

/** The model's Zero client now, or undefined while it is not ready. */
export function currentZero(model: ModelDefinition): AnyZero | undefined {
  return zeroOf(sourceOf(model));
}

export const ZERO_READY_TIMEOUT_MS = 10_000;
const READY_POLL_MS = 50;

/** Waits (polling, as the legacy classes did every 100 ms) until the model's Zero client exists. */
export async function awaitZero(model: ModelDefinition, timeoutMs = ZERO_READY_TIMEOUT_MS): Promise<AnyZero> {
  const started = Date.now();
  for (;;) {
    const z = currentZero(model);
    if (z) {
      if (z.closed) throw new ConnectionError('closed', `${model.className}: the Zero client is closed`);
      return z;
    }
    if (!sourceOf(model)) {
      throw new ZeroNotReadyError(`${model.className}: no Zero client configured; call configureZero(() => zero) or pass zero in the model config`);
    }
    if (Date.now() - started >= timeoutMs) {
      throw new ZeroNotReadyError(`${model.className}: Zero was not ready after ${timeoutMs} ms (the configured source kept returning undefined)`);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

type AnyQuery = Parameters<AnyZero['run']>[0];

/** Whether a result from this client can be final: with a server only 'complete' is; a client without one has all there is. */
function hasServer(z: AnyZero): boolean {
  return z.server !== null;
}

/**
 * What Zero is asked for a relation: the model's named query with the relation's spec, or (legacy) the ZQL built from the
 * same spec on the client. zero-cache keeps a client-built query local unless the schema sets `enableLegacyQueries`, and
 * never answers it: refuse such a read up front rather than wait forever.
 */
export function queryFor(z: AnyZero, relation: Relation): AnyQuery {
  const { model } = relation;
  if (model.query) return model.query(relation.spec) as AnyQuery;
  if (hasServer(z) && !(model.schema as { enableLegacyQueries?: boolean }).enableLegacyQueries) {
    throw new ConfigError(`${model.className}: reads cannot be answered by zero-cache`, [
      'the model has no named query and its Zero schema does not set enableLegacyQueries, so zero-cache would never answer',
      `register the generated queries: pass query: queries.${underscore(model.className)}.relation in the model config (queries.ts from zero-record generate), ` +
        'and serve them from your query endpoint (zero-record serve)',
      'or, while migrating, regenerate with --legacy-sync (sets enableLegacyQueries in the schema) and deploy permissions',
    ]);
  }
  return zqlFor(relation) as unknown as AnyQuery;
}

/** A failure to open a read (a `ConfigError` from `queryFor`, an invalid spec) as the runtime's typed error. */
export function readFailure(error: unknown): ZeroRecordError {
  return asZeroRecordError(error, (cause) => new QueryFailedError(String(cause), { cause }));
}

/** The ZQL a relation compiles to on this client (what a named query's function builds on both sides). */
export function zqlFor(relation: Relation): ZqlQuery {
  return buildRelationQuery(relation.model.schema, relation.model.table, relation.spec);
}

const UNREACHABLE_STATES = new Set(['error', 'needs-auth', 'closed']);

/**
 * One-shot read. With a server, waits for Zero's authoritative ('complete') answer so that "not found" means not found,
 * not "not synced yet"; without one, the local data is all there is. `offline: 'local'` answers from local data
 * whenever the client is not connected.
 */
export async function runRelation(z: AnyZero, relation: Relation, options: { offline?: 'wait' | 'local' } = {}): Promise<readonly RowData[]> {
  if (relation.matchesNothing) return [];
  const query = queryFor(z, relation);
  const state = z.connection.state.current.name;
  // Checks made on the way to a write answer from local data while offline, so the write is not held up.
  const authoritative = hasServer(z) && !(options.offline === 'local' && state !== 'connected');
  if (authoritative && UNREACHABLE_STATES.has(state)) {
    throw new ConnectionError(state, `${relation.model.className}: cannot load from zero-cache while the connection is '${state}'`);
  }
  try {
    // The TTL keeps a one-shot query synced afterwards; a client without a server has nothing to keep in sync.
    const rows = await z.run(
      query,
      authoritative ? { type: 'complete', ttl: relation.effectiveTtl } : { type: 'unknown' },
    );
    return relation.rows(rows as readonly RowData[]);
  } catch (error) {
    throw asZeroRecordError(error, (cause) => new QueryFailedError(`${relation.model.className}: query failed: ${String(cause)}`, { cause }));
  }
}

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
  /** Post-processing of Zero's rows (a relation drops its offset rows). */
  readonly rows?: (raw: readonly RowData[]) => readonly RowData[];
}

/** The view spec of a relation on `z` (throws `ConfigError` when `z` can never answer it; see `queryFor`). */
export function relationView(z: AnyZero, relation: Relation): ViewSpec {
  return { key: relation.key, query: queryFor(z, relation), ttl: relation.effectiveTtl, label: relation.model.className, rows: (raw) => relation.rows(raw) };
}

function liveResult(spec: ViewSpec, server: boolean, data: unknown, resultType: ResultType, error?: unknown): LiveResult {
  const failed = resultType === 'error';
  // A `.one()` query yields a row or undefined; everything else an array.
  const raw = (Array.isArray(data) ? data : data === undefined || data === null ? [] : [data]) as readonly RowData[];
  return {
    rows: spec.rows ? spec.rows(raw) : raw,
    resultType,
    error: failed
      ? new QueryFailedError(`${spec.label}: live query failed: ${String((error as { message?: string })?.message ?? error)}`, { cause: error })
      : null,
    settled: failed || resultType === 'complete' || !server,
  };
}

/** A Zero view shared by every reader of an identical query; destroyed when its last reader releases it. */
export class SharedView {
  readonly key: string;
  #refs = 0;
  #listeners = new Set<() => void>();
  #view: TypedViewLike | undefined;
  #stopListening: (() => void) | undefined;
  #result: LiveResult = { rows: [], resultType: 'unknown', error: null, settled: false };
  readonly #onEmpty: () => void;

  constructor(z: AnyZero, spec: ViewSpec, onEmpty: () => void) {
    this.key = spec.key;
    this.#onEmpty = onEmpty;
    const server = hasServer(z);
    const view = z.materialize(spec.query as AnyQuery, { ttl: spec.ttl }) as unknown as TypedViewLike;
    this.#view = view;
    this.#stopListening = view.addListener((data, resultType, error) => {
      this.#result = liveResult(spec, server, data, resultType, error);
      for (const listener of this.#listeners) listener();
    });
  }

  get result(): LiveResult {
    return this.#result;
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
    this.#listeners.clear();
    this.#onEmpty();
  }

  /** Calls `listener` after each change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const viewsByZero = new WeakMap<AnyZero, Map<string, SharedView>>();

/** Retains the shared view for `spec` on `z` (creating it if needed). Pair every call with `view.release()`. */
export function retainView(z: AnyZero, spec: ViewSpec): SharedView {
  let views = viewsByZero.get(z);
  if (!views) viewsByZero.set(z, (views = new Map()));
  let view = views.get(spec.key);
  if (!view) {
    const map = views;
    view = new SharedView(z, spec, () => map.delete(spec.key));
    views.set(spec.key, view);
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
  const live = viewsByZero.get(z)?.get(spec.key);
  if (live) return live.result;
  const view = z.materialize(spec.query as AnyQuery, { ttl: 'none' }) as unknown as TypedViewLike;
  let result: LiveResult | undefined;
  const stop = view.addListener((data, resultType, error) => {
    result = liveResult(spec, hasServer(z), data, resultType, error);
  });
  stop();
  view.destroy();
  return result ?? liveResult(spec, hasServer(z), view.data, 'unknown');
}

/** How many shared views are live on `z` (diagnostics; leak tests count Zero's own views). */
export function liveViewCount(z: AnyZero): number {
  return viewsByZero.get(z)?.size ?? 0;
}

/** Options of every write (`create`, `update`, `destroy`, `upsert`). */
export interface WriteOptions {
  /** 'client' (default) resolves once Zero applied the write locally; 'server' also waits for zero-cache's confirmation. */
  readonly wait?: 'client' | 'server';
}

type MutatorOutcome = { type: 'success' } | { type: 'error'; error: { message?: string; details?: unknown } };
interface MutatorResultLike {
  readonly client: Promise<MutatorOutcome>;
  readonly server: Promise<MutatorOutcome>;
}

/**
 * Writes one row through Zero: the model's own mutators when `defineModelMutators` defined them; else the schema's CRUD
 * mutators when it enables them (`enableLegacyMutators`); else the runtime's generic `recordMutators`. The Zero client
 * must be created with the registry used.
 */
export async function writeRow(model: ModelDefinition, operation: WriteOperation, values: WriteArgs['values'], options: WriteOptions = {}): Promise<void> {
  const z = await awaitZero(model);
  const fail = (message: string, cause?: unknown) => new MutationError(model.className, operation, message, { cause });
  const own = modelMutatorOf(model, operation);
  if (!own && (model.schema as { enableLegacyMutators?: boolean }).enableLegacyMutators) {
    if (options.wait === 'server') {
      // Zero's CRUD path resolves on the client; a rejection by zero-cache shows only in the connection state.
      throw fail(
        "{ wait: 'server' } needs the runtime's custom mutators (recordMutators, run by your push endpoint); " +
          'this schema enables legacy CRUD mutators, whose server outcome Zero does not report to the caller',
      );
    }
    const crud = (z.mutate as unknown as Record<string, Record<WriteOperation, (v: unknown) => Promise<void>> | undefined>)[model.table];
    if (!crud) throw fail(`the Zero client has no CRUD mutators for '${model.table}'`);
    try {
      await crud[operation](values);
    } catch (error) {
      throw fail(String((error as Error)?.message ?? error), error);
    }
    return;
  }
  if (options.wait === 'server' && !hasServer(z)) {
    // Zero never settles `.server` on a client without a server: refuse before writing rather than wait forever.
    throw new ConfigError(`${model.className}.${operation} with { wait: 'server' }`, [
      'this Zero client has no server (cacheURL is null), so no server will ever confirm the write',
      "drop { wait: 'server' } for local-only clients, or create the client with the zero-cache URL",
    ]);
  }
  let result: MutatorResultLike;
  try {
    const request = own ? own({ values }) : recordMutators.zeroRecord[operation]({ table: model.table, values });
    result = (z.mutate as unknown as (request: unknown) => MutatorResultLike)(request);
  } catch (error) {
    const registry = own ? 'the generated mutators (defineModelMutators)' : 'recordMutators from zero-record';
    throw fail(`${String((error as Error)?.message ?? error)} (create the Zero client with { mutators } set to ${registry})`, error);
  }
  // A failed mutator's error comes back as a result, typed again here: the server's validation messages as RecordInvalidError.
  const raise = (outcome: MutatorOutcome, where: string) => {
    if (outcome.type === 'success') return;
    throw RecordInvalidError.fromDetails(outcome.error.details) ?? fail(outcome.error.message ?? `rejected by the ${where}`, outcome.error);
  };
  raise(await result.client, 'client');
  if (options.wait === 'server') raise(await result.server, 'server');
}
