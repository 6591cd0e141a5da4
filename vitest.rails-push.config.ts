import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { STACK_TIER } from './__tests__/support/stack-tier.ts';
import { defineConfig } from 'vitest/config';

// The Rails push tier: real Ruby + Rails 6.1 (the zero_record engine) as zero-cache's ZERO_MUTATE_URL over the real
// PostgreSQL + zero-cache (modern mode: no permissions, CRUD off; reads answered by the Node query endpoint), and the
// real Zero client behind ActiveJob / ReactiveJob. One stack for the whole tier (one file). Needs .ci/install-postgres.sh
// and .ci/install-ruby.sh; fails, never skips, without them. jsdom + the Svelte browser build, as the integration tier's
// Svelte project, so ReactiveRecord's runes run (the server build has no reactivity).
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  test: {
    name: 'rails-push',
    environment: 'jsdom',
    include: ['__tests__/rails-push/**/*.test.ts'],
    ...STACK_TIER,
  },
});
