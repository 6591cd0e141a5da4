// The Rails push endpoint of the tier (app/server.rb: Rails 6.1 + the engine on WEBrick) as a child
// process on a fixed port, so the test can kill -9 it and start it again where zero-cache pushes.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcessTree } from '../../../scripts/stack/process-tree.ts';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..', 'app', 'server.rb');
const START_TIMEOUT_MS = 60_000;

export class RailsPushServer {
  #child: ChildProcess | undefined;
  #log = '';
  readonly url: string;

  constructor(
    readonly port: number,
    readonly databaseUrl: string,
  ) {
    this.url = `http://127.0.0.1:${port}/zero/push`;
  }

  /** What the server wrote to stderr (Rails' warnings, WEBrick's errors): for failure messages. */
  get log(): string {
    return this.#log;
  }

  /** Starts Ruby; resolves once the server prints "listening", rejects (with its output) if it exits or hangs first. */
  async start(): Promise<void> {
    const child = spawn('ruby', [SERVER], {
      env: { ...process.env, DATABASE_URL: this.databaseUrl, PORT: String(this.port), RAILS_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.#log += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The Rails push server did not start within ${START_TIMEOUT_MS} ms:\n${this.#log}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The Rails push server exited (code ${code}) before listening:\n${this.#log}`));
      });
    });
  }

  /** SIGKILL simulates a crash; SIGTERM a deploy. Resolves once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (child?.pid === undefined || child.exitCode !== null) return;
    await stopProcessTree(child.pid, signal);
  }
}
