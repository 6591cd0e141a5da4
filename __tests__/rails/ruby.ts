/**
 * Runs Ruby for the Rails tier, failing with instructions when it (or a gem it needs) is missing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../generator/support.ts';

export const railsLib = join(repoRoot, 'rails', 'lib');
export const cliBin = join(repoRoot, 'bin', 'zero-record.mjs');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command; `env` adds to the environment, `input` is its stdin. */
export function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Throws a clear error unless `ruby` can load the given libraries. */
export function requireRuby(libraries: string[]): void {
  const probe = spawnSync('ruby', ['-e', libraries.map((l) => `require ${JSON.stringify(l)}`).join('; ')], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `The Rails tier needs Ruby with ${libraries.join(', ')} (${probe.error ? 'ruby is not installed' : probe.stderr.trim().split('\n')[0]}). ` +
        'Install it with: bash .ci/install-ruby.sh',
    );
  }
}
