/** The bench's module hooks: our TypeScript compiled as the package ships it, and runes compiled in client mode. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from '../../bench/harness/source-hooks.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `code` as an ES module in a child node with the bench's flags for reactive groups (or tsx alone). */
function runChild(code: string, hooks: boolean): string {
  const flags = hooks ? ['--conditions=browser', '--import', 'tsx', '--import', './bench/harness/source-register.ts'] : ['--import', 'tsx'];
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const PROBE = `
const { StateJob } = await import('./bench/subjects/state-job.svelte.ts');
const descriptor = Object.getOwnPropertyDescriptor(StateJob.prototype, 'title');
const job = new StateJob({ id: 'j1', title: 'Paint' });
console.log(JSON.stringify({ accessor: typeof descriptor?.get === 'function', title: job.title }));
`;

describe('bench source hooks', () => {
  it('compiles .svelte.ts in client mode: $state fields become signal accessors', () => {
    expect(JSON.parse(runChild(PROBE, true))).toEqual({ accessor: true, title: 'Paint' });
  });

  it('without them the runes are not compiled at all (so the hooks are what makes the reactive figures real)', () => {
    expect(() => runChild(PROBE, false)).toThrow(/\$state is not defined/);
  });

  it("compiles our TypeScript as tsc does, without esbuild's __name wrappers; other modules go on to the next loader", async () => {
    const passed: string[] = [];
    const next = async (url: string) => {
      passed.push(url);
      return { format: 'module', source: '' };
    };
    // relation.ts binds a collection's methods to a named arrow: tsx would wrap it in `__name(...)`.
    const own = await load(pathToFileURL(`${ROOT}runtime/reactive/relation.ts`).href, {}, next);
    expect(own.source).toContain('const made = (...args) => method.apply(target, args);');
    expect(own.source).not.toContain('__name');
    expect(own.source).not.toMatch(/: ProxyHandler</);
    const dependency = pathToFileURL(`${ROOT}node_modules/typescript/lib/typescript.js`).href;
    await load(dependency, {}, next);
    expect(passed).toEqual([dependency]);
  });
});
