/**
 * Record handles: what `find`, `find_by`, `first`, `last`, `take`, `sole` (and their `_bang` forms) return at once.
 * Columns read through the finder's live answer; state is `$`-prefixed so it never collides with a column.
 */
import type { ModelDefinition } from '../core/config.ts';
import type { ZeroRecordError } from '../core/errors.ts';
import type { Plan } from '../core/finders.ts';
import type { RowData } from '../core/zero-types.ts';
import { LiveAnswer, type QueryStatus } from './answer.ts';
import { defineRowAccessors, type ReactiveRecordMethods, type ShadowedKey } from './record.ts';

/** The state of a record handle. */
export interface RecordHandleState<Self> {
  /** True until the record is found or Zero's answer is final. */
  readonly $loading: boolean;
  /** RecordNotFoundError after `find` of a missing id (once settled), a QueryFailedError, ... or null. */
  readonly $error: ZeroRecordError | null;
  readonly $status: QueryStatus;
  /** True when the record exists (a `find_by` that matched nothing ends with false and no error). */
  readonly $found: boolean;
  /** The handle itself when found, else null. */
  readonly $record: Self | null;
  /** Releases the Zero view now (normally unnecessary: it goes when the last reading effect goes). */
  $destroy(): void;
}

/** A live record: columns are undefined until `$found`. */
export type RecordHandle<Row> = { readonly [K in Exclude<keyof Row, ShadowedKey<Row>>]: Row[K] | undefined } & ReactiveRecordMethods<Row> &
  RecordHandleState<RecordHandle<Row>>;

const ANSWER: unique symbol = Symbol('zero-record.answer');

class HandleBase {
  readonly [ANSWER]: LiveAnswer<unknown>;

  constructor(answer: LiveAnswer<unknown>) {
    this[ANSWER] = answer;
  }

  get $status(): QueryStatus {
    return this[ANSWER].get().status;
  }

  get $loading(): boolean {
    return this.$status === 'loading';
  }

  get $error(): ZeroRecordError | null {
    return this[ANSWER].get().error;
  }

  get $found(): boolean {
    const { value } = this[ANSWER].get();
    return value !== null && value !== undefined;
  }

  get $record(): this | null {
    return this.$found ? this : null;
  }

  $destroy(): void {
    this[ANSWER].query.destroy();
  }
}

const classes = new WeakMap<ModelDefinition, new (answer: LiveAnswer<unknown>) => HandleBase>();

function handleClass(model: ModelDefinition): new (answer: LiveAnswer<unknown>) => HandleBase {
  const known = classes.get(model);
  if (known) return known;
  const Handle = class extends HandleBase {};
  Object.defineProperty(Handle, 'name', { value: `${model.className}Handle` });
  defineRowAccessors(Handle.prototype, model, (self) => (self as HandleBase)[ANSWER].get().value as RowData | undefined);
  classes.set(model, Handle);
  return Handle;
}

/** A live handle for a single-record finder plan. */
export function recordHandle<Row>(plan: Plan<unknown>): RecordHandle<Row> {
  const Handle = handleClass(plan.relation.model);
  return new Handle(new LiveAnswer(plan.relation, (rows) => plan.settle(rows))) as unknown as RecordHandle<Row>;
}
