/**
 * A relation as a live source for the runes bridge (`LiveQuery`): the relation's shared Zero view while started (the
 * model's Zero may still be coming: it is awaited), else Zero's current local data.
 */
import { ConnectionError, ZeroNotReadyError, asZeroRecordError, type ZeroRecordError } from '../core/errors.ts';
import type { Relation } from '../core/relation.ts';
import { awaitZero, currentZero } from '../core/zero-source.ts';
import { readFailure } from '../core/reads.ts';
import { readView, relationView, retainView, type LiveResult, type SharedView, type ViewSpec } from '../core/shared-views.ts';
import type { AnyZero } from '../core/zero-types.ts';
import type { LiveSource } from './live-query.ts';

export const EMPTY: LiveResult = { rows: [], resultType: 'unknown', error: null, settled: false };
const NOTHING: LiveResult = { rows: [], resultType: 'complete', error: null, settled: true };

export class RelationSource implements LiveSource {
  readonly #relation: Relation;
  #spec: { readonly z: AnyZero; readonly view: ViewSpec } | undefined;
  #view: SharedView | undefined;
  #failure: LiveResult | undefined;

  constructor(relation: Relation) {
    this.#relation = relation;
  }

  /** The view spec on `z` (made once per client; throws `ConfigError` when `z` can never answer the relation). */
  #viewSpec(z: AnyZero): ViewSpec {
    if (this.#spec?.z !== z) this.#spec = { z, view: relationView(z, this.#relation) };
    return this.#spec.view;
  }

  start(changed: () => void): () => void {
    // `none()` asks Zero for nothing: its answer is final at once.
    if (this.#relation.matchesNothing) return () => {};
    const model = this.#relation.model;
    let stopped = false;
    let stopListening: (() => void) | undefined;
    const attach = (z: AnyZero) => {
      if (stopped) return;
      this.#failure = undefined;
      try {
        this.#view = retainView(z, this.#viewSpec(z));
      } catch (error) {
        // A read this client can never get answered (see queryFor) is reported, not left loading forever.
        this.#failure = failed(readFailure(error));
        return;
      }
      stopListening = this.#view.onChange(changed);
    };
    const z = currentZero(model);
    if (z?.closed) {
      this.#failure = failed(new ConnectionError('closed', `${model.className}: the Zero client is closed; create a new one and point configureZero (or the model's zero option) at it`));
    } else if (z) attach(z);
    else {
      awaitZero(model).then(
        (ready) => {
          attach(ready);
          if (!stopped) changed();
        },
        (error: unknown) => {
          if (stopped) return;
          this.#failure = failed(asZeroRecordError(error, (cause) => new ZeroNotReadyError(String(cause))));
          changed();
        },
      );
    }
    return () => {
      if (stopped) return;
      stopped = true;
      const view = this.#view;
      this.#view = undefined;
      this.#failure = undefined;
      stopListening?.();
      view?.release();
    };
  }

  live(): LiveResult | undefined {
    if (this.#relation.matchesNothing) return NOTHING;
    return this.#view?.result ?? this.#failure;
  }

  snapshot(): LiveResult | undefined {
    const z = currentZero(this.#relation.model);
    if (!z || z.closed) return undefined;
    try {
      return readView(z, this.#viewSpec(z));
    } catch (error) {
      return failed(readFailure(error));
    }
  }
}

function failed(error: ZeroRecordError): LiveResult {
  return { ...EMPTY, resultType: 'error', error, settled: true };
}
