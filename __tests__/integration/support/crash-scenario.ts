// A zero-cache crash as production meets it: kill -9, Rails keeps writing to PostgreSQL (insert,
// update, delete), zero-cache comes back on the same replica. Shared by the raw-Zero and runtime tests.
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import type { Stack } from '../../../scripts/stack/start-stack.ts';
import type { ConnectionLog } from './connection-log.ts';
import { has, lacks, type JobLike } from './rows.ts';
import { newId } from './stack-zero.ts';

export class CrashScenario {
  readonly renamed = newId();
  readonly deleted = newId();
  readonly added = newId();
  killedAt = 0;
  readyAt = 0;

  constructor(
    readonly sql: postgres.Sql,
    readonly stack: Stack,
    readonly connection: ConnectionLog,
  ) {}

  /** Inserts (while zero-cache runs) the active jobs the crash-time writes will change. */
  async seed(): Promise<void> {
    await this.sql`INSERT INTO jobs (id, title, status) VALUES (${this.renamed}, 'before crash', 'active'), (${this.deleted}, 'to delete', 'active')`;
  }

  seeded = (rows: readonly JobLike[]): boolean => has(this.renamed)(rows) && has(this.deleted)(rows);

  /** kill -9 of zero-cache and its workers; resolves once the client noticed ('connecting'). */
  async crash(): Promise<void> {
    await this.stack.stopZeroCache('SIGKILL');
    this.killedAt = performance.now();
    await this.connection.until('connecting');
  }

  /** What Rails does meanwhile: one insert, one update, one delete. */
  async writeWhileDown(): Promise<void> {
    await this.sql`INSERT INTO jobs (id, title, status) VALUES (${this.added}, 'added while down', 'active')`;
    await this.sql`UPDATE jobs SET title = 'renamed while down' WHERE id = ${this.renamed}`;
    await this.sql`DELETE FROM jobs WHERE id = ${this.deleted}`;
  }

  /** Restarts zero-cache; resolves with the ms it took to answer OK. */
  async restart(): Promise<number> {
    const readyMs = await this.stack.startZeroCache();
    this.readyAt = performance.now();
    return readyMs;
  }

  /** All three writes made while down are visible in `rows`. */
  caughtUp = (rows: readonly JobLike[]): boolean =>
    has(this.added, 'added while down')(rows) && has(this.renamed, 'renamed while down')(rows) && lacks(this.deleted)(rows);

  describe(caughtUpAt: number, readyMs: number): string {
    return (
      `ready in ${readyMs} ms; caught up ${(caughtUpAt - this.readyAt).toFixed(0)} ms after ready ` +
      `(${((caughtUpAt - this.killedAt) / 1000).toFixed(1)} s after the kill)`
    );
  }
}
