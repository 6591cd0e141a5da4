/**
 * ActiveRelation: the core Relation with async Rails terminals. Awaiting a relation loads it (`await Job.where(...)`).
 */
import { Relation } from '../core/relation.ts';
import type { WhereHash } from '../core/conditions.ts';
import {
  countPlan, existsPlan, findByPlan, findPlan, firstPlan, idsPlan, lastPlan, pickPlan, pluckPlan, solePlan, takePlan, type Plan,
} from '../core/finders.ts';
import type { LiveResult } from '../core/shared-views.ts';
import { loadRelation } from '../core/reads.ts';
import type { RowData } from '../core/zero-types.ts';
import { LiveSubscription } from '../core/live-subscription.ts';
import { RelationSource } from '../core/relation-source.ts';
import { instantiate } from './record.ts';

/** Called with the records after every change of a live relation, and with the error if the query fails. */
export type Subscriber<T> = (records: T[], result: Pick<LiveResult, 'resultType' | 'error'>) => void;

/**
 * A relation of an ActiveRecord model: chain it (`where`, `order`, scopes...) and await it, or call a terminal (`find`, `pluck`...).
 * @example const jobs = await ActiveJob.where({ status: 'active' }).order({ created_at: 'desc' }).limit(10);
 */
export class ActiveRelation<T = Record<string, unknown>> extends Relation {
  async #records(relation: Relation): Promise<T[]> {
    return instantiate(relation, await loadRelation(relation)) as T[];
  }

  /**
   * Settles the plan over Zero's rows (so `pluck('constructor')` reads the column, not a record member of that name),
   * then hands out records for the rows the answer holds.
   */
  async #answer<A>(plan: Plan<A>): Promise<A> {
    let rows: readonly RowData[] = [];
    const answer = (await loadRelation(plan.relation, { settle: (loaded) => plan.settle((rows = loaded)) })) as unknown;
    const isRow = new Set<unknown>(rows);
    const recordOf = (value: unknown) => (isRow.has(value) ? instantiate(plan.relation, [value as (typeof rows)[number]])[0] : value);
    return (Array.isArray(answer) ? answer.map(recordOf) : recordOf(answer)) as A;
  }

  /** Loads the relation: `await Job.where({ status: 'active' })`. */
  toArray(): Promise<T[]> {
    return this.#records(this);
  }

  // Thenable, so `await relation` loads it (as a Rails relation loads when enumerated).
  then<A = T[], B = never>(onFulfilled?: ((records: T[]) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.toArray().then(onFulfilled, onRejected);
  }

  /** `find(id)` throws RecordNotFoundError; `find([a, b])` / `find(a, b)` is all-or-nothing, in the order asked. */
  find(ids: readonly unknown[]): Promise<T[]>;
  find(id: unknown): Promise<T>;
  find(...ids: unknown[]): Promise<T[]>;
  find(...args: unknown[]): Promise<T | T[]> {
    return this.#try(() => findPlan(this, args)) as Promise<T | T[]>;
  }

  /** The first record matching `conditions`, or null. */
  find_by(conditions: WhereHash): Promise<T | null> {
    return this.#try(() => findByPlan(this, conditions, false)) as Promise<T | null>;
  }

  /** Rails' `find_by!`: like `find_by`, but throws RecordNotFoundError. */
  find_by_bang(conditions: WhereHash): Promise<T> {
    return this.#try(() => findByPlan(this, conditions, true)) as Promise<T>;
  }

  first(): Promise<T | null>;
  first(n: number): Promise<T[]>;
  first(n?: number): Promise<T | T[] | null> {
    return this.#try(() => firstPlan(this, n, false)) as Promise<T | T[] | null>;
  }

  first_bang(): Promise<T> {
    return this.#try(() => firstPlan(this, undefined, true)) as Promise<T>;
  }

  last(): Promise<T | null>;
  last(n: number): Promise<T[]>;
  last(n?: number): Promise<T | T[] | null> {
    return this.#try(() => lastPlan(this, n, false)) as Promise<T | T[] | null>;
  }

  last_bang(): Promise<T> {
    return this.#try(() => lastPlan(this, undefined, true)) as Promise<T>;
  }

  take(): Promise<T | null>;
  take(n: number): Promise<T[]>;
  take(n?: number): Promise<T | T[] | null> {
    return this.#try(() => takePlan(this, n, false)) as Promise<T | T[] | null>;
  }

  take_bang(): Promise<T> {
    return this.#try(() => takePlan(this, undefined, true)) as Promise<T>;
  }

  /** Exactly one record; RecordNotFoundError for none, SoleRecordExceededError for more. */
  sole(): Promise<T> {
    return this.#try(() => solePlan(this)) as Promise<T>;
  }

  pluck(...columns: string[]): Promise<unknown[]> {
    return this.#try(() => pluckPlan(this, columns));
  }

  pick(...columns: string[]): Promise<unknown> {
    return this.#try(() => pickPlan(this, columns));
  }

  ids(): Promise<unknown[]> {
    return this.#try(() => idsPlan(this));
  }

  exists(conditions?: unknown): Promise<boolean> {
    return this.#try(() => existsPlan(this, conditions));
  }

  count(column?: string): Promise<number> {
    return this.#try(() => countPlan(this, column));
  }

  /** Plans are built synchronously and may throw on bad input; terminals always reject instead of throwing. */
  #try<A>(plan: () => Plan<A>): Promise<A> {
    try {
      return this.#answer(plan());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Live records: `subscriber` runs with the current records at once (when Zero is ready) and after every change, with
   * the error when the query fails (a closed client, a stalled connection, a read no server answers). Identical relations
   * share one Zero view, released when the last subscriber leaves. Returns the unsubscribe function.
   */
  subscribe(subscriber: Subscriber<T>): () => void {
    const live = new LiveSubscription(new RelationSource(this));
    const deliver = () => {
      const result = live.result();
      if (result) subscriber(instantiate(this, result.rows) as T[], { resultType: result.resultType, error: result.error });
    };
    const release = live.hold(deliver);
    deliver();
    return release;
  }
}
