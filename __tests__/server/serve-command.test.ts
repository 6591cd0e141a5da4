// `zero-record serve` as a user runs it: a child process configured by flags and environment,
// answering zero-cache's requests, refusing oversized bodies, and stopping cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProblems } from '../../runtime/server/app-module.ts';

const BIN = 'bin/zero-record.mjs';
// A child node compiling TypeScript through tsx: seconds on a busy 2-core machine.
const SLOW = { timeout: 60_000 };
// Never connected: the query endpoint builds ASTs without the database.
const DATABASE = 'postgres://nobody@127.0.0.1:1/none';

function run(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [BIN, 'serve', ...args], { env: { PATH: process.env['PATH'], ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('zero-record serve: configuration', SLOW, () => {
  it('exits 2 naming every missing setting', async () => {
    const { code, stderr } = await exitOf(run([]));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no app module: pass --app <module> or set ZERO_RECORD_APP/);
    expect(stderr).toMatch(/no database: pass --database <url> or set ZERO_UPSTREAM_DB/);
  });

  it('exits 2 when the app module lacks the registries', async () => {
    const { code, stderr } = await exitOf(run(['--app', 'examples/stack/schema.ts'], { ZERO_UPSTREAM_DB: DATABASE }));
    expect(code).toBe(2);
    expect(stderr).toMatch(/export `mutators`: the defineMutators registry/);
    expect(stderr).toMatch(/export `queries`: the defineQueries registry/);
  });
});

describe('zero-record serve: a TypeScript app module in plain Node', () => {
  it("names tsx when Node cannot load the module, with the command that loads it", async () => {
    // What this Node (the published CLI has no tsx) does with a .ts module: Node 20 refuses the extension; Node 22+
    // strips types, then may refuse its syntax or an extensionless import.
    const probe = spawn(process.execPath, ['--input-type=module', '-e', "import('./examples/stack/schema.ts').then(() => process.stdout.write('loaded'), (e) => process.stdout.write(String(e.code)))"], { stdio: ['ignore', 'pipe', 'pipe'] });
    let code = '';
    probe.stdout?.on('data', (d: Buffer) => (code += d.toString()));
    await once(probe, 'exit');
    const strips = Boolean((process.features as { typescript?: unknown }).typescript);
    expect(strips ? ['loaded', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', 'ERR_MODULE_NOT_FOUND'] : ['ERR_UNKNOWN_FILE_EXTENSION']).toContain(code);
    const hint = expect.stringMatching(/^Node could not load this TypeScript module on its own: run the command under tsx \(npm install -D tsx, then NODE_OPTIONS='--import tsx' npx zero-record serve\)/);
    for (const nodeCode of ['ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', 'ERR_MODULE_NOT_FOUND']) {
      expect(importProblems(Object.assign(new TypeError('cannot load'), { code: nodeCode }), '/app/server/zero-app.ts')).toEqual(['could not be imported: cannot load', hint]);
    }
    // A JavaScript module, or another failure, gets the error alone.
    expect(importProblems(Object.assign(new Error('gone'), { code: 'ERR_MODULE_NOT_FOUND' }), '/app/server/zero-app.js')).toEqual(['could not be imported: gone']);
    expect(importProblems(new Error('boom'), '/app/server/zero-app.ts')).toEqual(['could not be imported: boom']);
  });
});

describe('zero-record serve: a running server', SLOW, () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    child = run(['--port', '0'], { ZERO_RECORD_APP: 'examples/stack/server.ts', ZERO_UPSTREAM_DB: DATABASE });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve printed no URL within 50 s; stdout: ${out}`)), 50_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const match = out.match(/listening on (http:\/\/\S+)/);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
  }, 60_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('answers health checks and a transform request in Zero protocol, with the user from the bearer token', async () => {
    expect(await (await fetch(`${url}/`)).text()).toBe('OK');
    const response = await fetch(`${url}/query?schema=zero_0&appID=zero`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer alice' },
      body: JSON.stringify(['transform', [{ id: 'q1', name: 'jobs.byStatus', args: ['active'] }]]),
    });
    const body = (await response.json()) as { kind: string; userID: string; queries: { id: string; ast: { table: string } }[] };
    expect(body).toMatchObject({ kind: 'QueryResponse', userID: 'alice', queries: [{ id: 'q1', ast: { table: 'jobs' } }] });
  });

  it('refuses a body over the cap with 413, and unknown paths with 404', async () => {
    // The answer, not a reset: the rest of the body is read and dropped while the 413 goes out.
    for (const size of [9, 64]) {
      const big = await fetch(`${url}/query`, { method: 'POST', body: 'x'.repeat(size * 1024 * 1024) });
      expect([big.status, await big.text()]).toEqual([413, 'Request body over 8388608 bytes']);
    }
    expect((await fetch(`${url}/push`, { method: 'POST', body: '[]' })).status).toBe(404);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });
});
