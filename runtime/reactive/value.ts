/**
 * Live computed values: `count()`, `exists()`, `pluck(...)`, `pick(...)`, `ids()` of a reactive relation. Each is one
 * query (Zero has no aggregates; as in ActiveRecord the rows are loaded and counted locally) read as `.current`.
 */
import type { ZeroRecordError } from '../core/errors.ts';
import { LiveAnswer, valueStatus, type QueryStatus, type Settling } from './answer.ts';

/** `const open = $derived(ReactiveJob.active().count())` then `{open.current}`. */
export class LiveValue<T> {
  readonly #answer: LiveAnswer<T>;

  /** `readers`: see LiveQuery. */
  constructor(plan: Settling<T>, readers?: Set<() => void>) {
    this.#answer = new LiveAnswer(plan, readers);
  }

  /** The value from the rows Zero has now (`0`, `false`, `[]`, `null` while nothing is loaded); reactive in effects. */
  get current(): T | undefined {
    return this.#answer.get().value;
  }

  get $status(): Exclude<QueryStatus, 'not-found'> {
    return valueStatus(this.#answer.get().status);
  }

  get $loading(): boolean {
    return this.$status === 'loading';
  }

  get $error(): ZeroRecordError | null {
    return this.#answer.get().error;
  }

  /** Releases the Zero view now. */
  $destroy(): void {
    this.#answer.destroy();
  }
}
