/**
 * The two flavours' public live subscriptions the live-subscription contract runs against — `ActiveRelation.subscribe(cb)`
 * and a `ReactiveRelation` read inside a Svelte effect — with one observation of what each has told its subscriber, so a
 * contract case asserts the same outcome for both. Used by the contract suite without zero-cache
 * (`live-subscription.svelte.test.ts`) and by its cases on the real stack (`__tests__/integration/`).
 */
import { flushSync } from 'svelte';
import { ActiveRecord, type ModelDefinition, type ZeroRecordError } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';

/** What a subscriber has been told last: the ids of the records, and the error (class name and connection state). */
export interface Observation {
  readonly ids: readonly string[];
  readonly error: string | null;
  readonly state: string | null;
}

/** Nothing delivered yet reads as no records and no error: a reactive relation shows exactly that while it waits. */
export const NOTHING_YET: Observation = { ids: [], error: null, state: null };

function observation(ids: readonly unknown[], error: ZeroRecordError | null): Observation {
  return { ids: ids.map(String), error: error?.name ?? null, state: (error as { state?: string } | null)?.state ?? null };
}

export interface Subscription {
  latest(): Observation;
  /** Whether the flavour reports Zero's final answer: the callback's `resultType` 'complete', the relation's `$status` 'ready'. */
  loaded(): boolean;
  stop(): Promise<void>;
}

/** Any model whose rows have an `id` (each suite's jobs). */
export type JobsDefinition = ModelDefinition<{ readonly id: string }, {}>;

export interface Flavour {
  readonly name: string;
  /** Subscribes to every record of the model, ordered by id. */
  subscribe(config: JobsDefinition): Subscription;
}

export const flavours: Flavour[] = [
  {
    name: 'ActiveRecord (subscribe callback)',
    subscribe(config) {
      let latest = NOTHING_YET;
      let complete = false;
      const stop = ActiveRecord.createModel(config)
        .all()
        .order('id')
        .subscribe((records, { resultType, error }) => {
          latest = observation(
            records.map((r) => r.id),
            error,
          );
          complete = resultType === 'complete';
        });
      return { latest: () => latest, loaded: () => complete, stop: async () => stop() };
    },
  },
  {
    name: 'ReactiveRecord (effect)',
    subscribe(config) {
      const relation = ReactiveRecord.createModel(config).all().order('id');
      let latest = NOTHING_YET;
      let ready = false;
      const stop = $effect.root(() => {
        $effect(() => {
          latest = observation(
            relation.map((r) => r.id),
            relation.$error,
          );
          ready = relation.$status === 'ready';
        });
      });
      flushSync();
      return {
        latest: () => latest,
        loaded: () => ready,
        // Svelte releases the subscriber a microtask after the last effect goes.
        stop: async () => {
          stop();
          await new Promise((resolve) => setTimeout(resolve, 0));
        },
      };
    },
  },
];
