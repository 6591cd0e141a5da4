// A runes class keeping its legacy queries in private fields: every read is this.#field in its own methods.
import { ReactiveQuery, ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export class JobBoard {
  #jobs: ReactiveQuery<Job> = new ReactiveQuery<Job>(() => getZero()?.query.jobs.where('status', 'active').orderBy('created_at', 'desc'), [], '5m');
  #selected = $derived(new ReactiveQueryOne<Job>(() => getZero()?.query.jobs.where('id', this.selectedId).one(), null, '5m'));
  selectedId = $state('');

  get open(): Job[] {
    return this.#jobs.current;
  }

  get count(): number {
    return this.#jobs.current.length;
  }

  get loading(): boolean {
    return this.#jobs.isLoading || this.#selected.isLoading;
  }

  get title(): string {
    return this.#selected.current ? this.#selected.current.title : '';
  }

  titles(): string {
    return this.#jobs.current.map((job) => job.title).join(', ');
  }

  dispose(): void {
    this.#jobs.destroy();
    this.#selected.destroy();
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
