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

export interface Outcome<T> {
  readonly status: QueryStatus;
  readonly error: ZeroRecordError | null;
  /** The finder's answer; undefined while loading or failed. */
  readonly value: T | undefined;
}

function outcomeOf<T>(result: LiveResult, plan: Settling<T>): Outcome<T> {
  if (result.error) return { status: 'error', error: result.error, value: undefined };
  let value: T;
  try {
    value = plan.settle(result.rows);
  } catch (error) {
    // Missing rows are only "not found" once Zero says the result is final; until then they may still be syncing.
    if (!result.settled) return { status: 'loading', error: null, value: undefined };
    const typed = asZeroRecordError(error, (cause) => new QueryFailedError(String(cause), { cause }));
    return { status: error instanceof RecordNotFoundError ? 'not-found' : 'error', error: typed, value: undefined };
  }
  // Rows found locally are shown at once; "nothing" waits for Zero's final answer.
  return { status: !result.settled && result.rows.length === 0 ? 'loading' : 'ready', error: null, value };
}

/**
 * What an answer is computed from: the relation Zero is asked for and the finder's `settle` (a Plan is one), or a live
 * find by key, which is both.
 */
export type Settling<T> = Pick<Plan<T>, 'relation' | 'settle'> | (Pick<Plan<T>, 'settle'> & KeyFind);

export class LiveAnswer<T> {
  readonly query: LiveQuery;
  // The plan itself, not a closure over it: one object fewer per live answer.
  readonly #plan: Settling<T>;
  #result: LiveResult | undefined;
  #outcome: Outcome<T> | undefined;

  /** `readers`: see LiveQuery. */
  constructor(plan: Settling<T>, readers?: Set<() => void>) {
    this.query = new LiveQuery(new RelationSource(plan instanceof KeyFind ? plan : plan.relation), readers);
    this.#plan = plan;
  }

  /** The answer now; inside an effect this keeps the query live. */
  get(): Outcome<T> {
    // Nothing to read yet (Zero not created, or closed): no rows, not settled.
    const result = this.query.read() ?? EMPTY;
    if (result !== this.#result || !this.#outcome) {
      this.#result = result;
      this.#outcome = outcomeOf(result, this.#plan);
    }
    return this.#outcome;
  }
}
