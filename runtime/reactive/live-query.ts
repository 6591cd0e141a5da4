/**
 * The bridge from one Zero query to Svelte runes: ONE `createSubscriber` per query. The shared Zero view is retained
 * while at least one effect reads the query and released (after Svelte's microtask) when the last such effect goes.
 * Reads outside any effect (event handlers, SSR, plain scripts) get Zero's current local data and start no view.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { ModelDefinition } from '../core/config.ts';
import { ConnectionError, ZeroRecordError, ZeroNotReadyError } from '../core/errors.ts';
import type { Relation } from '../core/relation.ts';
import { awaitZero, currentZero, readView, relationView, retainView, type LiveResult, type SharedView, type ViewSpec } from '../core/zero-binding.ts';

const EMPTY: LiveResult = { rows: [], resultType: 'unknown', error: null, settled: false };
const NOTHING: LiveResult = { rows: [], resultType: 'complete', error: null, settled: true };

export class LiveQuery {
  readonly relation: Relation;
  #view: SharedView | undefined;
  #failure: LiveResult | undefined;
  #snapshot: LiveResult | undefined;
  #destroyed = false;
  #spec: ViewSpec | undefined;
  #stopListening: (() => void) | undefined;
  readonly #subscribe: () => void;

  constructor(relation: Relation) {
    this.relation = relation;
    this.#subscribe = createSubscriber((update) => this.#start(update));
  }

  get model(): ModelDefinition {
    return this.relation.model;
  }

  get #viewSpec(): ViewSpec {
    return (this.#spec ??= relationView(this.relation));
  }

  /** The latest result; inside an effect this also keeps the query live and re-runs the effect on change. */
  read(): LiveResult {
    if (this.relation.matchesNothing) return NOTHING;
    if (!this.#destroyed) this.#subscribe();
    if (this.#view) return this.#view.result;
    return this.#failure ?? this.#peek();
  }

  /** Releases the view now; the handle then only answers with snapshots. */
  destroy(): void {
    this.#destroyed = true;
    this.#release();
  }

  /** Stops listening and drops this query's hold on the shared view (idempotent: `$destroy()` and the subscriber's stop). */
  #release(): void {
    const view = this.#view;
    this.#view = undefined;
    this.#stopListening?.();
    this.#stopListening = undefined;
    view?.release();
  }

  #start(update: () => void): () => void {
    let stopped = false;
    const attach = (z: NonNullable<ReturnType<typeof currentZero>>) => {
      if (stopped || this.#destroyed) return;
      this.#failure = undefined;
      this.#view = retainView(z, this.#viewSpec);
      this.#stopListening = this.#view.onChange(update);
    };
    const z = currentZero(this.model);
    if (z?.closed) {
      this.#failure = { ...EMPTY, resultType: 'error', settled: true, error: new ConnectionError('closed', `${this.model.className}: the Zero client is closed; create a new one and point configureZero (or the model's zero option) at it`) };
    } else if (z) attach(z);
    else {
      awaitZero(this.model).then(
        (ready) => {
          attach(ready);
          update();
        },
        (error: unknown) => {
          if (stopped) return;
          const failure = error instanceof ZeroRecordError ? error : new ZeroNotReadyError(String(error));
          this.#failure = { ...EMPTY, error: failure, resultType: 'error', settled: true };
          update();
        },
      );
    }
    return () => {
      stopped = true;
      this.#failure = undefined;
      this.#release();
    };
  }

  /** Zero's local data without keeping a view; cached for the current task so a burst of reads costs one snapshot. */
  #peek(): LiveResult {
    if (this.#snapshot) return this.#snapshot;
    const z = currentZero(this.model);
    if (!z || z.closed) return EMPTY;
    const snapshot = readView(z, this.#viewSpec);
    this.#snapshot = snapshot;
    queueMicrotask(() => {
      this.#snapshot = undefined;
    });
    return snapshot;
  }
}
