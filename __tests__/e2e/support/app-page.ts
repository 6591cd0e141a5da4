// What a person sees and does in examples/app, named once for every e2e file.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Where screenshots go (gitignored; CI keeps them as artifacts). */
export const RESULTS_DIR = 'test-results';

export class AppPage {
  /** Uncaught errors in the page: tests assert there are none, instead of guessing at a blank screen. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(error.stack ?? error.message));
  }

  get badge(): Locator {
    return this.page.getByTestId('connection');
  }

  get listTitles(): Locator {
    return this.page.getByTestId('job-list').locator('.title');
  }

  get detailTitle(): Locator {
    return this.page.getByTestId('detail-title');
  }

  /** The validation messages shown next to one field of the edit form (Rails' inline errors). */
  fieldErrors(attribute: string): Locator {
    return this.page.getByTestId('job-detail').locator('form').getByTestId(`error-${attribute}`);
  }

  /** Every validation message in the edit form, in the order of its fields. */
  get formErrors(): Locator {
    return this.page.getByTestId('job-detail').locator('form .error');
  }

  listItem(title: string): Locator {
    return this.page.getByTestId('job-list').getByRole('button', { name: title });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.badge.waitFor();
  }

  /** Saves what the page shows now as test-results/<name>.png and returns the path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const path = `${RESULTS_DIR}/${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }

  async select(title: string): Promise<void> {
    await this.listItem(title).click();
    await this.detailTitle.filter({ hasText: title }).waitFor();
  }

  async edit(fields: { title?: string; status?: string; priority?: string }): Promise<void> {
    const form = this.page.getByTestId('job-detail').locator('form');
    if (fields.title !== undefined) await form.getByLabel('Title').fill(fields.title);
    if (fields.status !== undefined) await form.getByLabel('Status').selectOption(fields.status);
    if (fields.priority !== undefined) await form.getByLabel('Priority').fill(fields.priority);
    await form.getByRole('button', { name: 'Save' }).click();
  }
}
