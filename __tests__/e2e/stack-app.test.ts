// examples/app against the real sync path (`npm run stack`: PostgreSQL + zero-cache): an edit in one browser context
// reaches another context and PostgreSQL, and the connection badge follows zero-cache going away and coming back.
import type { Browser, BrowserContext } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../../scripts/stack/start-stack.ts';
import { AppPage } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';

let stack: Stack;
let sql: postgres.Sql;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openApp(): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
  contexts.push(context);
  const app = new AppPage(await context.newPage());
  await app.open(`${inject('appUrl')}?server=${encodeURIComponent(stack.cacheUrl)}`);
  return app;
}

const OPEN_JOBS = ['Clean the gutters', 'Fix the roof', 'Trim the hedge'];

beforeAll(async () => {
  stack = await startStack();
  console.log('e2e stack start (ms):', JSON.stringify(stack.timings));
  sql = postgres(stack.pgUrl, { max: 1, onnotice: () => {} });
  // Rows as Rails writes them: straight into PostgreSQL, timestamps from the column defaults.
  await sql`INSERT INTO clients (id, name) VALUES ('client-acme', 'Acme Roofing')`;
  await sql`INSERT INTO jobs (id, title, status, priority, client_id) VALUES
    ('job-roof', 'Fix the roof', 'active', 1, 'client-acme'),
    ('job-gutter', 'Clean the gutters', 'draft', 3, 'client-acme'),
    ('job-hedge', 'Trim the hedge', 'active', 2, NULL),
    ('job-fence', 'Paint the fence', 'done', 4, NULL)`;
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await sql?.end();
  await stack?.stop();
});

describe('the example app synced through zero-cache', () => {
  let editor: AppPage;
  let watcher: AppPage;

  it('connects two browser contexts and lists the rows PostgreSQL holds', async () => {
    [editor, watcher] = [await openApp(), await openApp()];
    for (const app of [editor, watcher]) {
      await app.page.getByTestId('connection').filter({ hasText: /^connected$/ }).waitFor();
      await expect.poll(() => app.listTitles.allTextContents()).toEqual(OPEN_JOBS);
    }
  });

  it('an edit in one context reaches the other context and PostgreSQL', async () => {
    await editor.select('Fix the roof');
    await editor.edit({ title: 'Fix the roof (synced)' });
    await editor.detailTitle.filter({ hasText: 'Fix the roof (synced)' }).waitFor();
    await expect.poll(() => watcher.listTitles.allTextContents()).toEqual(['Clean the gutters', 'Fix the roof (synced)', 'Trim the hedge']);
    await expect.poll(async () => (await sql`SELECT title FROM jobs WHERE id = 'job-roof'`)[0]?.title).toBe('Fix the roof (synced)');
  });

  it('a write made with SQL (as Rails would) reaches the open detail', async () => {
    await sql`UPDATE jobs SET title = 'Fix the roof (from Rails)' WHERE id = 'job-roof'`;
    await editor.detailTitle.filter({ hasText: 'Fix the roof (from Rails)' }).waitFor();
  });

  it('the badge leaves connected when zero-cache stops and comes back when it restarts', async () => {
    const badgeStates: string[] = [];
    const stopped = stack.stopZeroCache('SIGKILL');
    await expect
      .poll(async () => {
        const state = (await editor.badge.textContent()) ?? '';
        if (badgeStates.at(-1) !== state) badgeStates.push(state);
        return state;
      }, { timeout: 30_000, interval: 50 })
      .toMatch(/^(connecting|disconnected)$/);
    await stopped;
    console.log('e2e badge after zero-cache stopped:', badgeStates.join(' -> '));

    const restartMs = await stack.startZeroCache();
    await editor.page.getByTestId('connection').filter({ hasText: /^connected$/ }).waitFor({ timeout: 45_000 });
    console.log(`e2e zero-cache restarted in ${restartMs} ms; badge connected again`);
    await expect.poll(() => watcher.listTitles.allTextContents(), { timeout: 30_000 }).toContain('Fix the roof (from Rails)');
  });
});
