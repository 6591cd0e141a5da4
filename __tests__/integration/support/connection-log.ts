import type { ConnectionState } from '@rocicorp/zero';

export interface ConnectionSource {
  readonly current: ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** Records every connection state a Zero client goes through, and waits for a given one. */
export class ConnectionLog {
  readonly names: string[] = [];
  readonly #unsubscribe: () => void;
  #waiters = new Set<{ name: string; resolve: () => void }>();

  constructor(readonly source: ConnectionSource) {
    this.names.push(source.current.name);
    this.#unsubscribe = source.subscribe((state) => {
      if (this.names.at(-1) !== state.name) this.names.push(state.name);
      for (const waiter of this.#waiters) {
        if (waiter.name === state.name) {
          this.#waiters.delete(waiter);
          waiter.resolve();
        }
      }
    });
  }

  /** Resolves once the state is `name` (immediately when it already is). */
  until(name: ConnectionState['name'], timeoutMs = 60_000): Promise<void> {
    if (this.source.current.name === name) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        name,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`Connection never reached '${name}' within ${timeoutMs} ms; states: ${this.names.join(' > ')}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** The states recorded from index `from` on. */
  since(from: number): string[] {
    return this.names.slice(from);
  }

  close(): void {
    this.#unsubscribe();
  }
}
