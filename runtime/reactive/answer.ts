/**
 * A finder's live answer: the query's latest rows run through the finder's `settle` (core finder plans), with the state
 * every handle, collection and value exposes as `$loading` / `$error` / `$status`. Memoized per Zero result.
 */
import { QueryFailedError, RecordNotFoundError, asZeroRecordError, type ZeroRecordError } from '../core/errors.ts';
import type { RecordLike } from '../core/finders.ts';
import type { Relation } from '../core/relation.ts';
import type { LiveResult } from '../core/shared-views.ts';
import { EMPTY, RelationSource } from '../core/relation-source.ts';
import { LiveQuery } from './live-query.ts';

/** 'not-found' only for record handles whose finder raises RecordNotFoundError (find, find_by_bang, first_bang, ...). */
export type QueryStatus = 'loading' | 'ready' | 'not-found' | 'error';

export interface Outcome<T> {
  readonly status: QueryStatus;
  readonly error: ZeroRecordError | null;
  /** The finder's answer; undefined while loading or failed. */
  readonly value: T | undefined;
}

function outcomeOf<T>(result: LiveResult, settle: (rows: readonly RecordLike[]) => T): Outcome<T> {
  if (result.error) return { status: 'error', error: result.error, value: undefined };
  let value: T;
  try {
    value = settle(result.rows);
  } catch (error) {
    // Missing rows are only "not found" once Zero says the result is final; until then they may still be syncing.
    if (!result.settled) return { status: 'loading', error: null, value: undefined };
    const typed = asZeroRecordError(error, (cause) => new QueryFailedError(String(cause), { cause }));
    return { status: error instanceof RecordNotFoundError ? 'not-found' : 'error', error: typed, value: undefined };
  }
  // Rows found locally are shown at once; "nothing" waits for Zero's final answer.
  return { status: !result.settled && result.rows.length === 0 ? 'loading' : 'ready', error: null, value };
}

export class LiveAnswer<T> {
  readonly query: LiveQuery;
  readonly #settle: (rows: readonly RecordLike[]) => T;
  #result: LiveResult | undefined;
  #outcome: Outcome<T> | undefined;

  /** `whileHeld`: see LiveQuery. */
  constructor(relation: Relation, settle: (rows: readonly RecordLike[]) => T, whileHeld?: (rerun: () => void) => () => void) {
    this.query = new LiveQuery(new RelationSource(relation), whileHeld);
    this.#settle = settle;
  }

  /** The answer now; inside an effect this keeps the query live. */
  get(): Outcome<T> {
    // Nothing to read yet (Zero not created, or closed): no rows, not settled.
    const result = this.query.read() ?? EMPTY;
    if (result !== this.#result || !this.#outcome) {
      this.#result = result;
      this.#outcome = outcomeOf(result, this.#settle);
    }
    return this.#outcome;
  }
}
