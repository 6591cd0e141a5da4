import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `code` as an ES module in a child node with the bench's flags for reactive groups (or without the hooks). */
function runChild(code: string, hooks: boolean): string {
  const flags = hooks ? ['--conditions=browser', '--import', 'tsx', '--import', './bench/harness/svelte-register.ts'] : ['--import', 'tsx'];
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const PROBE = `
const { StateJob } = await import('./bench/subjects/state-job.svelte.ts');
const descriptor = Object.getOwnPropertyDescriptor(StateJob.prototype, 'title');
const job = new StateJob({ id: 'j1', title: 'Paint' });
console.log(JSON.stringify({ accessor: typeof descriptor?.get === 'function', title: job.title }));
`;

describe('bench svelte hooks', () => {
  it('compiles .svelte.ts in client mode: $state fields become signal accessors', () => {
    expect(JSON.parse(runChild(PROBE, true))).toEqual({ accessor: true, title: 'Paint' });
  });

  it('without them the runes are not compiled at all (so the hooks are what makes the reactive figures real)', () => {
    expect(() => runChild(PROBE, false)).toThrow(/\$state is not defined/);
  });
});
