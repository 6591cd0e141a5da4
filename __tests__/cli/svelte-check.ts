/**
 * The type check a SvelteKit team runs in CI (`svelte-check`, real TypeScript over every component and script), on an
 * app folder: its errors as `file: message` (positions dropped, so `newErrors` compares an app's errors before and
 * after its migration by what they say).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeError } from '../../codemods/typed/type-errors.ts';

const REPO = join(import.meta.dirname, '../..');
const SVELTE_CHECK = join(REPO, 'node_modules/.bin/svelte-check');

/** A machine-output line: `<time> ERROR "<file>" <line>:<column> "<message>"`. */
const ERROR_LINE = /^\d+ ERROR "([^"]+)" \d+:\d+ (".*")$/;

export function svelteCheckErrors(appDir: string): TypeError[] {
  // A JavaScript app has a jsconfig.json, as its own `svelte-check --tsconfig ./jsconfig.json` reads.
  const config = existsSync(join(appDir, 'tsconfig.json')) ? './tsconfig.json' : './jsconfig.json';
  const result = spawnSync(SVELTE_CHECK, ['--tsconfig', config, '--output', 'machine'], { cwd: appDir, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  // It exits 1 on type errors; anything else (no tsconfig, a crash) is not a verdict on the app.
  if (result.status !== 0 && result.status !== 1) throw new Error(`svelte-check failed in ${appDir} (${result.status}):\n${output}`);
  if (!/ COMPLETED \d+ FILES/.test(output)) throw new Error(`svelte-check did not complete in ${appDir}:\n${output}`);
  const errors: TypeError[] = [];
  for (const line of output.split('\n')) {
    const match = ERROR_LINE.exec(line.trim());
    if (match) errors.push({ line: 0, code: 0, message: `${match[1]}: ${JSON.parse(match[2]!) as string}` });
  }
  return errors;
}
