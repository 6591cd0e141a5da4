// zero-cache and zero-deploy-permissions from the installed @rocicorp/zero, run with this Node.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StackStartError } from './errors.ts';
import { logTail } from './log-tail.ts';
import { sleep } from './sleep.ts';
import { isAlive, stopProcessTree } from './process-tree.ts';

const require = createRequire(import.meta.url);

interface PackageJson {
  name?: string;
  bin?: Record<string, string>;
}

/** The installed @rocicorp/zero's package.json (not in its `exports`, so found from its main entry). */
function zeroPackage(): { dir: string; pkg: PackageJson } {
  for (let dir = dirname(require.resolve('@rocicorp/zero')); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
    if (pkg.name === '@rocicorp/zero') return { dir, pkg };
  }
  throw new StackStartError('Could not locate @rocicorp/zero/package.json: reinstall dependencies with `npm ci`.');
}

function zeroBin(name: string): string {
  const { dir, pkg } = zeroPackage();
  const rel = pkg.bin?.[name];
  if (!rel) throw new StackStartError(`@rocicorp/zero has no \`${name}\` bin: reinstall dependencies with \`npm ci\`.`);
  return join(dir, rel);
}

export interface ZeroCacheConfig {
  /** Upstream database URL (PostgreSQL with wal_level=logical). */
  upstreamDb: string;
  port: number;
  replicaFile: string;
  /** cwd of the processes (zero reads a `.env` from its cwd: keep it out of the project). */
  workDir: string;
  logFile: string;
  /** Where to record the running zero-cache's pid (its process group), for the owner watchdog. */
  pidFile?: string;
  /**
   * Modern Zero: the app's query and mutate endpoints (`zero-record serve`). With them zero-cache
   * asks the endpoints for every query's AST and sends them every mutation, and CRUD mutations are off.
   */
  endpoints?: { queryURL: string; mutateURL: string };
}

function zeroEnv(config: ZeroCacheConfig): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ZERO_UPSTREAM_DB: config.upstreamDb,
    ZERO_REPLICA_FILE: config.replicaFile,
    ZERO_PORT: String(config.port),
    ZERO_APP_ID: 'zero',
    // Required outside NODE_ENV=development; only the stack's own admin endpoints use it.
    ZERO_ADMIN_PASSWORD: 'zero-record-stack',
    ZERO_ENABLE_TELEMETRY: 'false',
    DO_NOT_TRACK: '1',
    // Small footprint for a 2-core machine.
    ZERO_NUM_SYNC_WORKERS: '1',
    ZERO_UPSTREAM_MAX_CONNS: '4',
    ZERO_CVR_MAX_CONNS: '4',
    ZERO_CHANGE_MAX_CONNS: '2',
    ...(config.endpoints
      ? { ZERO_QUERY_URL: config.endpoints.queryURL, ZERO_MUTATE_URL: config.endpoints.mutateURL, ZERO_ENABLE_CRUD_MUTATIONS: 'false' }
      : {}),
  };
}

/**
 * Deploys the legacy permissions exported by the Zero schema module `schemaPath` (a .ts file:
 * loaded through tsx, since zero-deploy-permissions only `import()`s it).
 */
export async function deployPermissions(config: ZeroCacheConfig, schemaPath: string): Promise<void> {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const logFd = openSync(config.logFile, 'a');
  const child = spawn(
    process.execPath,
    ['--import', tsx, zeroBin('zero-deploy-permissions'), '--schema-path', schemaPath],
    { cwd: config.workDir, env: zeroEnv(config), stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    throw new StackStartError(`zero-deploy-permissions failed (exit ${code}):\n${logTail(config.logFile)}`);
  }
}

/**
 * GET `url` -> its trimmed body, or undefined on any failure. node:http rather than fetch: test
 * environments such as jsdom replace the globals (AbortSignal) that Node's fetch checks.
 */
function getText(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = get(url, { timeout: 1_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(response.statusCode === 200 ? body.trim() : undefined));
      response.on('error', () => resolve(undefined));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StackStartError(`zero-cache exited during start (${child.exitCode ?? child.signalCode}):\n${logTail(logFile)}`);
    }
    if ((await getText(url)) === 'OK') return;
    await sleep(100);
  }
  throw new StackStartError(`zero-cache did not answer OK on ${url} within 120 s:\n${logTail(logFile)}`);
}

/** One zero-cache process at a time; start/stop can be repeated (same port, same replica file). */
export class ZeroCacheProcess {
  #child: ChildProcess | undefined;

  constructor(readonly config: ZeroCacheConfig) {}

  get url(): string {
    return `http://127.0.0.1:${this.config.port}`;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Starts zero-cache and resolves once `GET /` answers OK. */
  async start(): Promise<void> {
    if (this.#child && isAlive(this.#child.pid ?? -1)) {
      throw new StackStartError('zero-cache is already running: stop it before starting it again.');
    }
    const logFd = openSync(this.config.logFile, 'a');
    const child = spawn(process.execPath, [zeroBin('zero-cache')], {
      cwd: this.config.workDir,
      env: zeroEnv(this.config),
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
    child.unref();
    this.#child = child;
    if (this.config.pidFile && child.pid !== undefined) writeFileSync(this.config.pidFile, String(child.pid));
    try {
      await waitUntilReady(`${this.url}/`, child, this.config.logFile);
    } catch (error) {
      await this.stop('SIGKILL');
      throw error;
    }
  }

  /** SIGTERM: graceful shutdown; SIGKILL: the whole process tree dies at once (a crash). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const pid = this.#child?.pid;
    this.#child = undefined;
    if (pid !== undefined && isAlive(pid)) await stopProcessTree(pid, signal);
  }
}
