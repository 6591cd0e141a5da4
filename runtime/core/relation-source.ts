/**
 * A relation (or a find by key, which needs none) as a live source (see live-subscription.ts): while started, its shared
 * Zero view (the model's Zero may still be coming: it is waited for the one way the runtime waits); else Zero's current
 * local data.
 */
import type { ZeroRecordError } from './errors.ts';
import { modelLabel, type MonitorLabel } from './monitoring.ts';
import type { Relation } from './relation.ts';
import { closedError, currentZero, whenZero } from './zero-source.ts';
import { KeyFind, readFailure } from './reads.ts';
import { readView, relationView, retainView, type LiveResult, type SharedView, type ViewSpec } from './shared-views.ts';
import type { ChangeListener, LiveSource } from './live-subscription.ts';
import type { AnyZero } from './zero-types.ts';

/** No rows, nothing final yet: what a live query shows before Zero has anything to read. */
export const EMPTY: LiveResult = { rows: [], resultType: 'unknown', error: null, settled: false };
const NOTHING: LiveResult = { rows: [], resultType: 'complete', error: null, settled: true };

export class RelationSource implements LiveSource {
  readonly #relation: Relation | KeyFind;
  /**
   * The view spec and the client it is for (two fields, not a pair object: one object fewer per live query): made at the
   * first read, kept for the snapshots read while nothing holds the query, dropped once a view is retained (the view
   * keeps what it needs of it; the next start or snapshot makes it again).
   */
  #specZero: AnyZero | undefined;
  #spec: ViewSpec | undefined;
  #view: SharedView | undefined;
  #failure: LiveResult | undefined;
  /** While started: the listener given to `start`, and the wait for Zero while there is one. */
  #changed: ChangeListener | undefined;
  #cancelWait: (() => void) | undefined;

  constructor(relation: Relation | KeyFind) {
    this.#relation = relation;
  }

  /** The view spec on `z` (kept until a view is retained; throws `ConfigError` when `z` can never answer the relation). */
  #viewSpec(z: AnyZero): ViewSpec {
    if (this.#specZero !== z || !this.#spec) {
      const relation = this.#relation;
      this.#spec = relation instanceof KeyFind ? relation.viewSpec(z) : relationView(z, relation);
      this.#specZero = z;
    }
    return this.#spec;
  }

  start(changed: ChangeListener): void {
    // `none()` asks Zero for nothing: its answer is final at once.
    if (this.#relation.matchesNothing) return;
    this.#changed = changed;
    let starting = true;
    // Nothing is kept for the wait when Zero is there at once (the usual case): no closure outlives this call.
    this.#cancelWait = whenZero(
      this.#relation.model,
      (z) => {
        this.#attach(z, changed);
        if (!starting) changed.changed();
      },
      (error) => {
        this.#failure = failed(error);
        if (!starting) changed.changed();
      },
    );
    // Ready (or failed) at once: the caller reads the result itself; later, it is told.
    starting = false;
  }

  #attach(z: AnyZero, changed: ChangeListener): void {
    this.#failure = undefined;
    try {
      this.#view = retainView(z, this.#viewSpec(z));
      this.#spec = undefined;
      this.#specZero = undefined;
    } catch (error) {
      // A read this client can never get answered (see queryFor) is reported, not left loading forever.
      this.#failure = failed(readFailure(error));
      return;
    }
    this.#view.onChange(changed);
  }

  stop(): void {
    const view = this.#view;
    const changed = this.#changed;
    this.#cancelWait?.();
    this.#cancelWait = undefined;
    this.#changed = undefined;
    this.#view = undefined;
    this.#failure = undefined;
    if (view && changed) view.offChange(changed);
    view?.release();
  }

  live(): LiveResult | undefined {
    if (this.#relation.matchesNothing) return NOTHING;
    return this.#view?.result ?? this.#failure;
  }

  snapshot(): LiveResult | undefined {
    const { model } = this.#relation;
    const z = currentZero(model);
    if (!z) return undefined;
    if (z.closed) return failed(closedError(model.className));
    try {
      return readView(z, this.#viewSpec(z));
    } catch (error) {
      return failed(readFailure(error));
    }
  }

  label(): MonitorLabel {
    return modelLabel(this.#relation.model.className);
  }
}

function failed(error: ZeroRecordError): LiveResult {
  return { ...EMPTY, resultType: 'error', error, settled: true };
}
