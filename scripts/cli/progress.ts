/**
 * Progress: an `ora` spinner with the file count and current file on a terminal; on CI (no TTY) a few quiet
 * lines, one per phase. Everything goes to stderr so stdout stays the diff or the JSON report.
 */
import ora, { type Ora } from 'ora';
import type { CommandIO } from './io.ts';

export interface Progress {
  phase(text: string): void;
  step(done: number, total: number, file: string): void;
  succeed(text: string): void;
  stop(): void;
}

export function createProgress(io: CommandIO, quiet: boolean): Progress {
  if (quiet) return { phase() {}, step() {}, succeed() {}, stop() {} };
  if (!io.isTTY) {
    return {
      phase: (text) => io.stderr(`zero-record: ${text}\n`),
      step() {},
      succeed: (text) => io.stderr(`zero-record: ${text}\n`),
      stop() {},
    };
  }
  let spinner: Ora | null = null;
  const ensure = () => (spinner ??= ora({ stream: process.stderr }).start());
  return {
    phase: (text) => void (ensure().text = text),
    step: (done, total, file) => void (ensure().text = `${done}/${total} ${file}`),
    succeed: (text) => {
      ensure().succeed(text);
      spinner = null;
    },
    stop: () => {
      spinner?.stop();
      spinner = null;
    },
  };
}
