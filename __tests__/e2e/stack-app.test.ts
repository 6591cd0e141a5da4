// examples/app against the real sync path (`npm run stack`: PostgreSQL + zero-cache), starting from an empty database
// as a fresh `npm run stack` does: writes in one browser context reach another context and PostgreSQL, writes made
// with SQL (as Rails makes them) reach the page, and the badge follows zero-cache going away and coming back.
import type { Browser, BrowserContext } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../../scripts/stack/start-stack.ts';
import { AppPage } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';

let stack: Stack;
let sql: postgres.Sql;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: AppPage[] = [];

async function openApp(): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
  contexts.push(context);
  const app = new AppPage(await context.newPage());
  pages.push(app);
  await app.open(`${inject('appUrl')}?server=${encodeURIComponent(stack.cacheUrl)}`);
  return app;
}

const OPEN_JOBS = ['Clean the gutters', 'Dig a pond', 'Fix the roof', 'Trim the hedge'];

beforeAll(async () => {
  stack = await startStack();
  console.log('e2e stack start (ms):', JSON.stringify(stack.timings));
  sql = postgres(stack.pgUrl, { max: 1, onnotice: () => {} });
  browser = await launchChromium();
});
afterEach(() => {
  expect(pages.flatMap((app) => app.errors)).toEqual([]);
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

  it('connects two browser contexts; sample jobs added in one reach the other and PostgreSQL', async () => {
    [editor, watcher] = [await openApp(), await openApp()];
    for (const app of [editor, watcher]) {
      await app.page.getByTestId('connection').filter({ hasText: /^connected$/ }).waitFor();
      await app.page.getByRole('button', { name: 'Add sample jobs' }).waitFor();
    }
    await editor.page.getByRole('button', { name: 'Add sample jobs' }).click();
    for (const app of [editor, watcher]) await expect.poll(() => app.listTitles.allTextContents()).toEqual(OPEN_JOBS);
    await expect.poll(async () => (await sql`SELECT count(*)::int AS n FROM jobs`)[0]?.n).toBe(5);
    const [roof] = await sql`SELECT title, status, client_id, created_at FROM jobs WHERE id = 'job-roof'`;
    expect(roof).toMatchObject({ title: 'Fix the roof', status: 'active', client_id: 'client-acme' });
    expect(roof?.created_at).toBeInstanceOf(Date);
  });

  it('an edit in one context reaches the other context and PostgreSQL', async () => {
    await editor.select('Fix the roof');
    await editor.edit({ title: 'Fix the roof (synced)' });
    await editor.detailTitle.filter({ hasText: 'Fix the roof (synced)' }).waitFor();
    await expect.poll(() => watcher.listTitles.allTextContents()).toEqual(['Clean the gutters', 'Dig a pond', 'Fix the roof (synced)', 'Trim the hedge']);
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
    await editor.screenshot('example-app-zero-cache-down');
    console.log('e2e badge after zero-cache stopped:', badgeStates.join(' -> '));

    const restartMs = await stack.startZeroCache();
    await editor.page.getByTestId('connection').filter({ hasText: /^connected$/ }).waitFor({ timeout: 45_000 });
    console.log(`e2e zero-cache restarted in ${restartMs} ms; badge connected again`);
    await expect.poll(() => watcher.listTitles.allTextContents(), { timeout: 30_000 }).toContain('Fix the roof (from Rails)');
  });
});
