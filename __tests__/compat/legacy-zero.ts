/**
 * A legacy-style app for the compat tests: a schema with `enableLegacyQueries` / `enableLegacyMutators` (the legacy
 * classes read `z.query.*` and write `z.mutate.<table>.*`), a fresh seeded local Zero per test, and the compat flag
 * set for the suite. `getZero()` is what the legacy thunks call; it is undefined while "Zero is not ready".
 */
import { afterEach, beforeEach } from 'vitest';
import { Zero, createSchema, number, string, table } from '@rocicorp/zero';
import { configureZero } from '../../runtime/index.ts';
import { resetWarnings, setWarningSink, type WarningSink } from '../../runtime/core/warn.ts';
import { configureRecords } from '../../compat/index.ts';

const jobs = table('jobs')
  .columns({ id: string(), title: string(), status: string(), priority: number() })
  .primaryKey('id');

const clients = table('clients').columns({ id: string(), name: string() }).primaryKey('id');

export const legacySchema = createSchema({ tables: [jobs, clients], enableLegacyQueries: true, enableLegacyMutators: true });
export type LegacyZero = Zero<typeof legacySchema>;

export interface Job {
  id: string;
  title: string;
  status: string;
  priority: number;
}

export const SEED: readonly Job[] = [
  { id: 'j1', title: 'Fix the boiler', status: 'active', priority: 3 },
  { id: 'j2', title: 'Paint the fence', status: 'active', priority: 1 },
  { id: 'j3', title: 'Install solar panels', status: 'done', priority: 2 },
];

let current: LegacyZero | undefined;
let users = 0;

/** The app's Zero accessor, as in a legacy `$lib/zero/client.ts`. */
export function getZero(): LegacyZero | undefined {
  return current;
}

/** The suite's two flag values, each named for describe.each. */
export const FLAGS = [
  { path: 'legacy path', useNewRecordArchitecture: false },
  { path: 'new runtime', useNewRecordArchitecture: true },
] as const;

export interface LegacyApp {
  /** The test's Zero (also what `getZero()` returns unless `hideZero()` was called). */
  readonly z: LegacyZero;
  /** Warnings emitted during the test. */
  readonly warnings: string[];
  /** Makes `getZero()` return undefined until `showZero()`, like an app before its session started. */
  hideZero(): void;
  showZero(): void;
}

/** A fresh seeded local Zero per test, the runtime pointed at it, and the compat flag set to `useNewRecordArchitecture`. */
export function useLegacyApp(useNewRecordArchitecture: boolean): LegacyApp {
  const app = {
    z: undefined as unknown as LegacyZero,
    warnings: [] as string[],
    hideZero: () => void (current = undefined),
    showZero: () => void (current = app.z),
  };
  let previousSink: WarningSink | undefined;
  beforeEach(async () => {
    // A user of its own per test: Zero's in-memory store outlives a closed client of the same user.
    app.z = new Zero({ userID: `compat-${++users}`, cacheURL: null, kvStore: 'mem', schema: legacySchema, logLevel: 'error' });
    current = app.z;
    configureZero(() => current);
    configureRecords({ useNewRecordArchitecture, deprecationWarnings: true });
    app.warnings.length = 0;
    resetWarnings();
    previousSink = setWarningSink((message) => app.warnings.push(message));
    for (const job of SEED) await app.z.mutate.jobs.insert(job);
    await app.z.mutate.clients.insert({ id: 'c1', name: 'Acme' });
  });
  afterEach(async () => {
    current = undefined;
    configureZero(undefined);
    configureRecords({ useNewRecordArchitecture: false });
    if (previousSink) setWarningSink(previousSink);
    await app.z.close();
  });
  return app;
}

/** Lets pending Zero listeners and Svelte microtasks run. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

