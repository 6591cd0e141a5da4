/**
 * Why `migrate` leaves handles in legacy-mode components (Svelte 4 syntax, no runes) to a human: Svelte compiles
 * their member reads untracked (`{job.title}` is `untrack(() => job.title)`, `$:` bodies run untracked), so a model
 * handle there never starts its live query and never re-renders. Should Svelte ever track them, this fails, and the
 * codemod's refusal (codemods/transforms/query-handles.ts) can go.
 */
import { expect, test } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { ReactiveJob, useZero } from './models.ts';
import LegacyJobTitle from './components/LegacyJobTitle.svelte';
import { zeroViewCounts } from '../support/zero-views.ts';
import { settle } from './effects.svelte.ts';

const ctx = useZero();

test('a handle read by a legacy-mode component shows a snapshot, holds no view and does not follow writes', async () => {
  render(LegacyJobTitle, { id: 'j1' });
  expect(screen.getByRole('heading').textContent).toBe('Fix the boiler');
  await settle();
  expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  await ReactiveJob.update('j1', { title: 'Fix the heater' });
  await settle();
  expect(screen.getByRole('heading').textContent).toBe('Fix the boiler');
});
