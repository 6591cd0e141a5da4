/**
 * The two places a compat query can get its Zero view from, behind one small interface (which the runtime's
 * `SharedView` already satisfies): the new runtime's shared, refcounted views, or the legacy classes' own
 * per-instance `query.materialize(ttl)` kept as the rollback path.
 */
import type { TTL } from '@rocicorp/zero';
import { QueryError, QueryFailedError } from '../runtime/core/errors.ts';
import { readView, retainView, type LiveResult, type ResultType, type ViewSpec } from '../runtime/core/shared-views.ts';
import { hasServer, zeroOf } from '../runtime/core/zero-source.ts';
import type { AnyZero, RowData } from '../runtime/core/zero-types.ts';
import { classify } from '../runtime/core/inflect.ts';
import type { MonitorLabel } from '../runtime/core/monitoring.ts';
import type { ChangeListener } from '../runtime/core/live-subscription.ts';
import { compatPathFor } from './config.ts';

/** What the legacy `getQueryBuilder` thunk returns: a query built from `z.query.*` (`.one()` or not). */
export interface LegacyQuery {
  materialize(ttl?: TTL): LegacyTypedView;
}

interface LegacyTypedView {
  readonly data: unknown;
  addListener(listener: (data: unknown, resultType: ResultType, error?: unknown) => void): () => void;
  destroy(): void;
}

/** Zero's query internals the compat layer relies on (present on every `z.query.*` query, not in Zero's public type). */
interface QueryIdentity {
  hash(): string;
  readonly ast: { readonly table: string };
}

/** A live view a compat query holds: the latest result, change notifications, and its release. */
export interface CompatView {
  readonly result: LiveResult;
  /** Tells `listener` of each change, until `offChange(listener)`. */
  onChange(listener: ChangeListener): void;
  offChange(listener: ChangeListener): void;
  release(): void;
}

function identity(query: LegacyQuery, label: string): QueryIdentity {
  const candidate = query as Partial<QueryIdentity>;
  if (typeof candidate.hash !== 'function' || typeof candidate.ast?.table !== 'string') {
    throw new QueryError(`${label}: getQueryBuilder must return a Zero query built from z.query.<table> (or null while Zero is not ready)`);
  }
  return candidate as QueryIdentity;
}

function runtimeSpec(query: LegacyQuery, id: QueryIdentity, ttl: TTL, label: string): ViewSpec {
  return { key: `compat:${String(ttl)}:${id.hash()}`, query, ttl, label };
}

/**
 * A legacy view's data (`.one()` gives a row or undefined) as a result; the legacy classes ignored resultType and errors.
 * As on the runtime path, a client without a server has all there is (`settled`); the thunk's client is taken to be the
 * one given to `configureZero`, and to have a server when none was given.
 */
function legacyResult(data: unknown, resultType: ResultType, error: unknown, label: string): LiveResult {
  const rows = (Array.isArray(data) ? data : data == null ? [] : [data]) as readonly RowData[];
  const failure = resultType === 'error' ? new QueryFailedError(`${label}: live query failed: ${String(error)}`, { cause: error }) : null;
  const z = zeroOf();
  return { rows, resultType, error: failure, settled: resultType !== 'unknown' || (z !== undefined && !hasServer(z)) };
}

/** The legacy mechanism: one Zero view per instance, positional `materialize(ttl)`, a listener copying the data. */
function openLegacyView(query: LegacyQuery, ttl: TTL, label: string): CompatView {
  const view = query.materialize(ttl);
  const listeners = new Set<ChangeListener>();
  let result = legacyResult(view.data, 'unknown', undefined, label);
  const removeListener = view.addListener((data, resultType, error) => {
    result = legacyResult(data, resultType, error, label);
    for (const listener of listeners) listener.changed();
  });
  return {
    get result() {
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
    },
    offChange(listener) {
      listeners.delete(listener);
    },
    release() {
      listeners.clear();
      removeListener();
      view.destroy();
    },
  };
}

function runtimeZero(): AnyZero {
  // compatPathFor only answers 'runtime' when the runtime has a Zero client.
  return zeroOf() as AnyZero;
}

/** A live view for a compat query, and whose outcomes it gives (for the monitoring hook). */
export interface OpenedView {
  readonly view: CompatView;
  readonly monitorAs: MonitorLabel;
}

/** Opens a live view for `query` on the path the flag chooses now. */
export function openView(query: LegacyQuery, ttl: TTL, label: string): OpenedView {
  const id = identity(query, label);
  const onRuntime = compatPathFor(id.ast.table) === 'runtime';
  return {
    view: onRuntime ? retainView(runtimeZero(), runtimeSpec(query, id, ttl, label)) : openLegacyView(query, ttl, label),
    monitorAs: { model: classify(id.ast.table), newArchitecture: onRuntime },
  };
}

/** The result for `query` now without keeping anything live (reads outside any subscriber or effect). */
export function peekView(query: LegacyQuery, ttl: TTL, label: string): LiveResult {
  const id = identity(query, label);
  if (compatPathFor(id.ast.table) === 'runtime') return readView(runtimeZero(), runtimeSpec(query, id, ttl, label));
  const view = openLegacyView(query, 'none', label);
  const { result } = view;
  view.release();
  return result;
}
