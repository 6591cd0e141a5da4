// examples/app on its default local Zero (no server): the generated models, a scoped live list, find, validations.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppPage } from './support/app-page.ts';
import { launchChromium } from './support/chromium.ts';

let browser: Browser;
let context: BrowserContext;
let app: AppPage;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
  app = new AppPage(await context.newPage());
  await app.open(inject('appUrl'));
});
afterEach(() => {
  expect(app.errors).toEqual([]);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('the example app on a local Zero', () => {
  it('lists the open() jobs by_title() from the seeded sample data and says it is local', async () => {
    await expect.poll(() => app.listTitles.allTextContents()).toEqual(['Clean the gutters', 'Dig a pond', 'Fix the roof', 'Trim the hedge']);
    expect(await app.page.getByTestId('open-count').textContent()).toBe('4');
    expect(await app.badge.textContent()).toBe('local');
  });

  it('shows the job found by id, with its client', async () => {
    await app.select('Fix the roof');
    const detail = app.page.getByTestId('job-detail');
    expect(await app.page.getByTestId('detail-status').textContent()).toBe('active');
    expect(await detail.getByText('Acme Roofing').count()).toBe(1);
  });

  it('saves an edit and the same tab sees it in the detail and in the list', async () => {
    await app.edit({ title: 'Fix the roof before winter', priority: '2' });
    await app.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await app.detailTitle.filter({ hasText: 'Fix the roof before winter' }).waitFor();
    await expect.poll(() => app.listTitles.allTextContents()).toEqual(['Clean the gutters', 'Dig a pond', 'Fix the roof before winter', 'Trim the hedge']);
  });

  it('refuses a blank title with the Rails message next to the field (save -> false, job.errors) and writes nothing', async () => {
    await app.edit({ title: '   ' });
    await app.fieldErrors('title').waitFor();
    expect(await app.formErrors.allTextContents()).toEqual(["Title can't be blank"]);
    expect(await app.page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await app.detailTitle.textContent()).toBe('Fix the roof before winter');
    expect(await app.listTitles.allTextContents()).toContain('Fix the roof before winter');

    await app.edit({ title: 'x'.repeat(81), priority: '9' });
    await expect
      .poll(() => app.formErrors.allTextContents())
      .toEqual(['Title is too long (maximum is 80 characters)', 'Priority must be less than or equal to 5']);
    expect(await app.fieldErrors('priority').textContent()).toBe('Priority must be less than or equal to 5');
    expect(await app.page.getByRole('status').count()).toBe(0); // no "Saved."
    // The artifact docs/example-app.md points at: the app with its validation messages on screen.
    const png = readFileSync(await app.screenshot('example-app'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('drops a job marked done from the open() list; the inline errors go with the valid save', async () => {
    await app.edit({ title: 'Fix the roof before winter', priority: '2', status: 'done' });
    await app.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await app.formErrors.count()).toBe(0);
    await expect.poll(() => app.listTitles.allTextContents()).toEqual(['Clean the gutters', 'Dig a pond', 'Trim the hedge']);
    expect(await app.page.getByTestId('detail-status').textContent()).toBe('done');
  });
});
