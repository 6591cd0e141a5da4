// Rollout phase 1 of the legacy example app: its generated models (src/lib/models, `--runtime-import zero-record`) run
// beside the legacy code on the app's own Zero client. Loaded as the app's bundler would: through Vite with the app's
// aliases (`$lib`, `zero-record` -> this repo's runtime), the same ones vitest.legacy-app.config.ts gives the app's tests.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { repoRoot } from './support.ts';

const app = join(repoRoot, 'examples', 'legacy-app');
type Row = Record<string, unknown>;
interface ActiveModel {
  create(attributes: Row): Promise<Row>;
  find(id: string): Promise<Row>;
}

let vite: ViteDevServer;
let client: { initZero(o: object): { run(q: unknown): Promise<Row[]>; query: Record<string, { where(c: string, v: string): unknown }> }; closeZero(): Promise<void> };
let ActiveTask: ActiveModel;
let createTask: (data: Row) => Promise<Row>;

beforeAll(async () => {
  vite = await createServer({
    configFile: false,
    root: app,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    resolve: {
      alias: [
        { find: /^\$lib(?=\/|$)/, replacement: join(app, 'src/lib') },
        { find: /^zero-record$/, replacement: join(repoRoot, 'runtime/index.ts') },
      ],
    },
  });
  client = (await vite.ssrLoadModule('$lib/zero/client')) as typeof client;
  ({ ActiveTask } = (await vite.ssrLoadModule('$lib/models/task.active')) as { ActiveTask: ActiveModel });
  ({ createTask } = (await vite.ssrLoadModule('$lib/zero/task.generated')) as { createTask: typeof createTask });
}, 60_000);

afterAll(async () => {
  await client?.closeZero();
  await vite?.close();
});

describe('the legacy app\'s generated models (phase 1, beside the legacy code)', () => {
  it('ActiveTask.create without done / timestamps gets the Rails default and the runtime\'s timestamps, on the app\'s client', async () => {
    const zero = client.initZero({ userID: 'user-ada', cacheURL: null, kvStore: 'mem', storageKey: 'generator-legacy-app-models' });
    const before = Date.now();
    const created = await ActiveTask.create({ job_id: 'job-1', title: 'Order parts', position: 1 });
    expect(created.done).toBe(false);
    expect(typeof created.id).toBe('string');
    const task = await ActiveTask.find(created.id as string);
    expect(task.done).toBe(false);
    expect(task.created_at).toBeGreaterThanOrEqual(before);
    expect(task.created_at).toBeLessThanOrEqual(Date.now());
    // The legacy code sees the same row through its own z.query path (one schema, one client).
    const legacyRows = await zero.run(zero.query.tasks!.where('id', created.id as string));
    expect(legacyRows.map((r) => [r.title, r.done])).toEqual([['Order parts', false]]);
  });

  it('writes of the legacy model objects and of the generated models meet in one table', async () => {
    const legacy = await createTask({ job_id: 'job-1', title: 'Legacy write', position: 2 });
    const found = await ActiveTask.find(legacy.id as string);
    expect([found.title, found.done, found.created_at]).toEqual(['Legacy write', false, legacy.created_at]);
  });
});
