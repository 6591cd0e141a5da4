// The real sync path production uses, on loopback: PostgreSQL (where Rails writes) -> zero-cache.
// Used by `npm run stack` and by the integration tests, which stop and restart zero-cache mid-test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startPostgres, type PostgresCluster } from './postgres.ts';
import { freePortRange } from './ports.ts';
import { startOwnerWatchdog, zeroCachePidFile } from './owner-watchdog.ts';
import { killProcessTreeNow } from './process-tree.ts';
import { deployPermissions, ZeroCacheProcess } from './zero-cache.ts';
import { serve, type RunningServer, type ServeOptions, type ServerContext } from '../../runtime/server/index.ts';

// Path arithmetic on strings: test environments such as jsdom replace the global URL class.
const EXAMPLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'stack');
/** The example app's tables (Rails-shaped `jobs`, `clients`, `tasks`). */
export const STACK_SQL_SCHEMA = join(EXAMPLE_DIR, 'schema.sql');
/** The Zero schema + legacy permissions deployed to the stack. */
export const STACK_ZERO_SCHEMA = join(EXAMPLE_DIR, 'schema.ts');

export interface StackTimings {
  postgresMs: number;
  schemaMs: number;
  /** Legacy mode: deploying permissions; modern mode: starting the endpoints (zero-record serve). */
  permissionsMs: number;
  zeroCacheMs: number;
  totalMs: number;
}

export interface Stack {
  /** URL of the app database, e.g. `postgres://postgres@127.0.0.1:40123/app`. */
  pgUrl: string;
  /** zero-cache URL for `new Zero({ cacheURL })`, e.g. `http://127.0.0.1:40200`. */
  cacheUrl: string;
  /** The temp folder holding the cluster, the replica and the logs (removed by `stop`). */
  dir: string;
  zeroCacheLog: string;
  timings: StackTimings;
  mode: StackMode;
  /** Modern mode: the query and mutate endpoints zero-cache calls (running in this process). */
  server: RunningServer | undefined;
  /** Stops zero-cache only: SIGKILL simulates a crash, SIGTERM a deploy. */
  stopZeroCache(signal?: NodeJS.Signals): Promise<void>;
  /** (Re)starts zero-cache on the same port with the same replica; resolves when ready, with the ms it took. */
  startZeroCache(): Promise<number>;
  /** Stops zero-cache and PostgreSQL and removes the temp folder. Idempotent. */
  stop(): Promise<void>;
}

const since = (start: number): number => Math.round(performance.now() - start);

async function createAppDatabase(serverUrl: string): Promise<string> {
  const admin = postgres(`${serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe('CREATE DATABASE app');
  } finally {
    await admin.end();
  }
  const pgUrl = `${serverUrl}/app`;
  const app = postgres(pgUrl, { max: 1, onnotice: () => {} });
  try {
    await app.unsafe(readFileSync(STACK_SQL_SCHEMA, 'utf8'));
  } finally {
    await app.end();
  }
  return pgUrl;
}

/**
 * 'legacy': permissions deployed, client-built queries and CRUD mutations (Zero's deprecated path).
 * 'modern': no permissions; zero-cache calls the app's query and mutate endpoints, CRUD mutations off.
 */
export type StackMode = 'legacy' | 'modern';

/** The endpoints of a modern stack: the app's registries, hooks and policies (the database is the stack's). */
export type StackServerOptions = Omit<ServeOptions<ServerContext>, 'database' | 'port' | 'host'>;

/**
 * `mutateURL` (modern): zero-cache pushes there instead of to the Node endpoint, e.g. the Rails push endpoint
 * (rails/lib/zero_record/push); the Node server still answers the queries.
 */
export type StackOptions = { mode?: 'legacy' } | { mode: 'modern'; server: StackServerOptions; mutateURL?: string };

/** Starts PostgreSQL + the example schema + permissions (legacy) or the endpoints (modern) + zero-cache, on free loopback ports. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const mode: StackMode = options.mode ?? 'legacy';
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'zero-record-stack-'));
  let cluster: PostgresCluster | undefined;
  let zeroCache: ZeroCacheProcess | undefined;
  let server: RunningServer | undefined;
  let stopped = false;

  // Last resort when the process exits without stop() (a crash, process.exit): no promise can
  // settle here, so kill synchronously by PID and remove the folder.
  const onExit = (): void => {
    if (zeroCache?.pid !== undefined) killProcessTreeNow(zeroCache.pid);
    if (cluster) killProcessTreeNow(cluster.pid);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  // And when even that cannot run (SIGKILL, out of memory).
  startOwnerWatchdog(dir);

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    await zeroCache?.stop('SIGTERM');
    await server?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    let t = performance.now();
    const pgPort = await freePortRange(1);
    cluster = await startPostgres(dir, pgPort);
    const postgresMs = since(t);

    t = performance.now();
    const pgUrl = await createAppDatabase(cluster.serverUrl);
    const schemaMs = since(t);

    t = performance.now();
    if (options.mode === 'modern') server = await serve({ ...options.server, database: pgUrl });
    const zeroCacheLog = join(dir, 'zero-cache.log');
    zeroCache = new ZeroCacheProcess({
      upstreamDb: pgUrl,
      port: await freePortRange(3),
      replicaFile: join(dir, 'replica.db'),
      workDir: dir,
      logFile: zeroCacheLog,
      pidFile: zeroCachePidFile(dir),
      ...(server ? { endpoints: { queryURL: server.queryURL, mutateURL: (options.mode === 'modern' && options.mutateURL) || server.mutateURL } } : {}),
    });
    if (mode === 'legacy') await deployPermissions(zeroCache.config, STACK_ZERO_SCHEMA);
    const permissionsMs = since(t);

    t = performance.now();
    await zeroCache.start();
    const zeroCacheMs = since(t);

    const running = zeroCache;
    return {
      pgUrl,
      cacheUrl: running.url,
      dir,
      zeroCacheLog,
      mode,
      server,
      timings: { postgresMs, schemaMs, permissionsMs, zeroCacheMs, totalMs: since(t0) },
      stopZeroCache: (signal = 'SIGTERM') => running.stop(signal),
      startZeroCache: async () => {
        const start = performance.now();
        await running.start();
        return since(start);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
