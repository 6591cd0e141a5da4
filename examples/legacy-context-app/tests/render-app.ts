import { cleanup, render } from '@testing-library/svelte';
import { router } from '$lib/router.svelte';
import App from '$app/App.svelte';
import { useSeededZero } from './seeded-zero';

export function useApp(): void {
  useSeededZero(() => cleanup());
}

/** Renders the whole app (root layout + page) at `path`, as the signed-in seed user Ada. */
export function renderAt(path: string) {
  router.goto(path);
  return render(App, { props: { userId: 'user-ada' } });
}
