// Commands and servers for the consumer tier: each with a deadline and a message naming what it was doing.
import { spawn, type ChildProcess } from 'node:child_process';

export class ConsumerStepError extends Error {
  constructor(step: string, detail: string) {
    super(`consumer app: ${step} failed: ${detail}`);
    this.name = 'ConsumerStepError';
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (or kills it at the deadline) and returns its output; never throws on a non-zero exit. */
export function run(command: string, args: readonly string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ConsumerStepError(`${command} ${args.join(' ')}`, `still running after ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ConsumerStepError(`${command} ${args.join(' ')}`, error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a command that must succeed; the error carries its output. */
export async function runOk(command: string, args: readonly string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new ConsumerStepError(`${command} ${args.join(' ')}`, `exit ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

export interface Server {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a long-running server and waits until `url` answers 200 (or fails with its output at the deadline). */
export async function startServer(command: string, args: readonly string[], options: { cwd: string; url: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<Server> {
  // detached: the server gets its own process group, so stop() ends it and whatever it started (npx -> vite).
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  };
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new ConsumerStepError(`${command} ${args.join(' ')}`, `exited with ${child.exitCode} before answering ${options.url}\n${output}`);
    try {
      const response = await fetch(options.url);
      if (response.ok) return { url: options.url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new ConsumerStepError(`${command} ${args.join(' ')}`, `${options.url} did not answer within ${options.timeoutMs} ms\n${output}`);
}
