// What a person sees and does in examples/app, named once for every e2e file.
import type { Locator, Page } from 'playwright-core';

export class AppPage {
  constructor(readonly page: Page) {}

  get badge(): Locator {
    return this.page.getByTestId('connection');
  }

  get listTitles(): Locator {
    return this.page.getByTestId('job-list').locator('.title');
  }

  get detailTitle(): Locator {
    return this.page.getByTestId('detail-title');
  }

  get validationErrors(): Locator {
    return this.page.getByTestId('validation-errors');
  }

  listItem(title: string): Locator {
    return this.page.getByTestId('job-list').getByRole('button', { name: title });
  }

  async open(url: string): Promise<void> {
    // Uncaught errors in the page fail the test instead of leaving a blank screen to guess about.
    this.page.on('pageerror', (error) => {
      throw error;
    });
    await this.page.goto(url);
    await this.badge.waitFor();
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
