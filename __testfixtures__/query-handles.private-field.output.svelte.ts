// A runes class keeping its legacy queries in private fields: every read is this.#field in its own methods.
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { ReactiveJob } from '$lib/models/job.reactive';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export class JobBoard {
  #jobs = ReactiveJob.where({ status: 'active' }).order({ created_at: 'desc' });
  #selected = $derived(ReactiveJob.find_by({ id: this.selectedId }));
  selectedId = $state('');

  get open(): Job[] {
    return this.#jobs.toArray();
  }

  get count(): number {
    return this.#jobs.length;
  }

  get loading(): boolean {
    return this.#jobs.$loading || this.#selected.$loading;
  }

  get title(): string {
    return this.#selected.$found ? this.#selected.title : '';
  }

  titles(): string {
    return this.#jobs.map((job) => job.title).join(', ');
  }

  dispose(): void {
  }
}

// Another class with a field of the same name: its own, not JobBoard's.
export class Pager {
  #jobs = { current: 1 };

  next(): void {
    this.#jobs.current += 1;
  }
}

export class Escapes {
  #jobs = new ReactiveQuery<Job>(() => getZero()?.query.jobs, [], '5m');

  same(other: Escapes): boolean {
    return other.#jobs.current.length === this.#jobs.current.length;
  }
}
