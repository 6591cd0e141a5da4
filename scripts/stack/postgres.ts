// A throwaway PostgreSQL cluster: initdb into a temp folder, logical WAL (zero-cache replicates
// through a logical replication slot), loopback only, fsync off (nothing here must survive).
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StackStartError } from './errors.ts';
import { logTail } from './log-tail.ts';
import { sleep } from './sleep.ts';
import { findPostgres, postgresIdentity } from './postgres-install.ts';
import { isAlive, stopProcessTree } from './process-tree.ts';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>` (no database). */
  serverUrl: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);

async function waitUntilAccepting(binDir: string, port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StackStartError(`PostgreSQL exited during start (code ${child.exitCode ?? child.signalCode}):\n${logTail(logFile)}`);
    }
    try {

      await execFileAsync(join(binDir, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres']);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new StackStartError(`PostgreSQL did not accept connections within 60 s:\n${logTail(logFile)}`);
}

/** initdb + start a cluster in `<dir>/pg` on 127.0.0.1:`port`; resolves when it accepts connections. */
export async function startPostgres(dir: string, port: number): Promise<PostgresCluster> {
  const { binDir } = findPostgres();
  const identity = postgresIdentity();
  const dataDir = join(dir, 'pg');
  const logFile = join(dir, 'postgres.log');
  mkdirSync(dataDir, { mode: 0o700 });
  if (identity) {
    // The postgres user must reach its data dir inside our (root-owned) temp folder.
    chmodSync(dir, 0o755);
    chownSync(dataDir, identity.uid, identity.gid);
  }
  const runAs = identity ? { uid: identity.uid, gid: identity.gid } : {};
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

  const init = spawnSync(
    join(binDir, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
    { ...runAs, env, cwd: dir, encoding: 'utf8' },
  );
  if (init.status !== 0) {
    throw new StackStartError(`initdb failed (exit ${init.status ?? init.signal}):\n${init.stdout}\n${init.stderr}`);
  }
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${dataDir}'`,
      'wal_level = logical',
      // Durability off, except synchronous_commit: logical replication only ships flushed WAL,
      // so with it off every change waits for the WAL writer (~400 ms commit -> listener).
      'fsync = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );

  const logFd = openSync(logFile, 'a');
  // detached: own process group, so a terminal Ctrl-C reaches only us and we stop things in order.
  const child = spawn(join(binDir, 'postgres'), ['-D', dataDir], {
    ...runAs,
    env,
    cwd: dir,
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  if (child.pid === undefined) throw new StackStartError(`Could not spawn ${join(binDir, 'postgres')}.`);
  const pid = child.pid;
  child.unref();

  const stop = async (): Promise<void> => {
    // SIGINT is PostgreSQL's "fast" shutdown: rolls back open transactions, does not wait for clients.
    if (isAlive(pid)) await stopProcessTree(pid, 'SIGINT', 15_000);
  };
  try {
    await waitUntilAccepting(binDir, port, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { serverUrl: `postgres://postgres@127.0.0.1:${port}`, pid, logFile, stop };
}
