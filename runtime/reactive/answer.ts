/**
 * A finder's live answer: the query's latest rows run through the finder's `settle` (core finder plans), with the state
 * every handle, collection and value exposes as `$loading` / `$error` / `$status`. Memoized per Zero result.
 */
import { QueryFailedError, RecordNotFoundError, asZeroRecordError, type ZeroRecordError } from '../core/errors.ts';
import type { Plan } from '../core/finders.ts';
import type { LiveResult } from '../core/shared-views.ts';
import { EMPTY, RelationSource } from '../core/relation-source.ts';
import { KeyFind } from '../core/reads.ts';
import { LiveQuery } from './live-query.ts';

/** 'not-found' only for record handles whose finder raises RecordNotFoundError (find, find_by_bang, first_bang, ...). */
export type QueryStatus = 'loading' | 'ready' | 'not-found' | 'error';

/** A value's status: a finder's RecordNotFoundError is an 'error' there (only a record handle is 'not-found'). */
export function valueStatus(status: QueryStatus): Exclude<QueryStatus, 'not-found'> {
  return status === 'not-found' ? 'error' : status;
}

export interface Outcome<T> {
  readonly status: QueryStatus;
  readonly error: ZeroRecordError | null;
  /** The finder's answer; undefined while loading or failed. */
  readonly value: T | undefined;
}

/**
 * What an answer is computed from: the relation Zero is asked for and the finder's `settle` (a Plan is one), or a live
 * find by key, which is both.
 */
export type Settling<T> = Pick<Plan<T>, 'relation' | 'settle'> | (Pick<Plan<T>, 'settle'> & KeyFind);

/**
 * The live query of a finder's relation (or key), with its answer. It is the query itself, not a holder of one: one
 * object fewer per handle, collection and value.
 */
export class LiveAnswer<T> extends LiveQuery {
  // The plan itself, not a closure over it: one object fewer per live answer.
  readonly #plan: Settling<T>;
  #result: LiveResult | undefined;
  // The outcome of #result in three fields, not an outcome object: one object fewer per live answer.
  #status: QueryStatus = 'loading';
  #error: ZeroRecordError | null = null;
  #value: T | undefined;

  /** `readers`: see LiveQuery. */
  constructor(plan: Settling<T>, readers?: Set<() => void>) {
    super(new RelationSource(plan instanceof KeyFind ? plan : plan.relation), readers);
    this.#plan = plan;
  }

  get status(): QueryStatus {
    return this.#status;
  }

  get error(): ZeroRecordError | null {
    return this.#error;
  }

  get value(): T | undefined {
    return this.#value;
  }

  /**
   * The answer now: this answer, brought up to date, so read its fields at once and do not keep it (it changes with the
   * next result). Inside an effect this keeps the query live.
   */
  get(): Outcome<T> {
    // Nothing to read yet (Zero not created, or closed): no rows, not settled.
    const result = this.read() ?? EMPTY;
    if (result !== this.#result) {
      this.#result = result;
      this.#settle(result);
    }
    return this;
  }

  #settle(result: LiveResult): void {
    this.#value = undefined;
    this.#error = result.error;
    if (result.error) {
      this.#status = 'error';
      return;
    }
    try {
      this.#value = this.#plan.settle(result.rows);
    } catch (error) {
      // Missing rows are only "not found" once Zero says the result is final; until then they may still be syncing.
      if (!result.settled) {
        this.#status = 'loading';
        return;
      }
      this.#error = asZeroRecordError(error, (cause) => new QueryFailedError(String(cause), { cause }));
      this.#status = error instanceof RecordNotFoundError ? 'not-found' : 'error';
      return;
    }
    // Rows found locally are shown at once; "nothing" waits for Zero's final answer.
    this.#status = !result.settled && result.rows.length === 0 ? 'loading' : 'ready';
  }
}
