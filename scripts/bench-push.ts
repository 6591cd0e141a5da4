// `npm run bench:push [-- node|rails]`: push -> server-confirmed latency and 1,000 sequential writes, measured the same way against
// both push endpoints: the Node one (zero-record/server) and the Rails one (rails/lib/zero_record/push, the Rails
// app of the rails-push tier). Each run: a fresh stack (PostgreSQL + zero-cache, modern), the real Zero client, and
// `ActiveJob.create_bang(..., { wait: 'server' })` awaited one at a time, so each figure is one full round trip:
// client -> zero-cache -> endpoint (transaction in PostgreSQL) -> zero-cache -> client. Prints the load average too:
// the figures only compare runs made on the same machine at the same time.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as exampleServer from '../examples/stack/server.ts';
import { ActiveJob } from '../examples/stack/modern-models.ts';
import { configureZero } from '../runtime/index.ts';
import { serverAppFrom } from '../runtime/server/index.ts';
import { startStackSession } from '../__tests__/integration/support/stack-session.ts';
import { percentile } from '../__tests__/integration/support/stats.ts';
import { RailsPushServer } from '../__tests__/rails-push/support/rails-push-server.ts';
import { freePortRange } from './stack/ports.ts';

const LATENCY_SAMPLES = 100;
const SEQUENTIAL_WRITES = 1_000;
const WARMUP = 20;

type Endpoint = 'node' | 'rails';

async function measure(endpoint: Endpoint): Promise<string> {
  const server = { ...serverAppFrom(exampleServer, 'examples/stack/server.ts'), logLevel: 'error' as const };
  const port = await freePortRange(1);
  const mutateURL = endpoint === 'rails' ? `http://127.0.0.1:${port}/zero/push` : undefined;
  const session = await startStackSession({ mode: 'modern', server, ...(mutateURL ? { mutateURL } : {}) });
  const rails = endpoint === 'rails' ? new RailsPushServer(port, session.stack.pgUrl) : undefined;
  configureZero(() => session.z);
  try {
    await rails?.start();
    for (let i = 0; i < WARMUP; i++) await ActiveJob.create_bang({ title: `Warm-up ${i}`, status: 'active' }, { wait: 'server' });
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const start = performance.now();
      await ActiveJob.create_bang({ title: `Latency ${i}`, status: 'active' }, { wait: 'server' });
      samples.push(performance.now() - start);
    }
    const load = loadavg()[0]!.toFixed(1);
    const start = performance.now();
    for (let i = 0; i < SEQUENTIAL_WRITES; i++) await ActiveJob.create_bang({ title: `Sequential ${i}`, status: 'active' }, { wait: 'server' });
    const wall = (performance.now() - start) / 1000;
    const rows = Number((await session.sql`SELECT count(*) AS n FROM jobs WHERE title LIKE 'Sequential %'`)[0]!['n']);
    if (rows !== SEQUENTIAL_WRITES) throw new Error(`${endpoint}: expected ${SEQUENTIAL_WRITES} rows, found ${rows}`);
    return (
      `| ${endpoint === 'node' ? 'Node (zero-record/server)' : 'Rails (ZeroRecord::Push, WEBrick)'} | ` +
      `${percentile(samples, 50).toFixed(1)} ms | ${percentile(samples, 90).toFixed(1)} ms | ${wall.toFixed(1)} s | ${load} / ${loadavg()[0]!.toFixed(1)} |`
    );
  } finally {
    configureZero(undefined);
    await rails?.stop();
    await session.close();
  }
}

const HEADER = ['| push endpoint | push -> confirmed, median | p90 | 1,000 sequential writes | load average (1 min) before / after |', '| --- | --- | --- | --- | --- |'];
const only = process.argv[2];
if (only === 'node' || only === 'rails') {
  console.log(`${HEADER.join('\n')}\n${await measure(only)}`);
} else if (only === undefined) {
  // One process per endpoint: Zero's in-memory store outlives a client within a process, and a second client of the
  // same user would resume the first one's client group, unknown to the second stack's zero-cache.
  console.log(HEADER.join('\n'));
  for (const endpoint of ['node', 'rails'] as const) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), endpoint], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bench:push ${endpoint} failed (exit ${run.status})`);
    console.log(run.stdout.trim().split('\n').at(-1));
  }
} else {
  console.error(`npm run bench:push: unknown argument ${only}. Usage: npm run bench:push [-- node|rails]`);
  process.exitCode = 2;
}
process.exit();
