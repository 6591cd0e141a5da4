import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { STACK_TIER } from './__tests__/support/stack-tier.ts';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The integration tier: real PostgreSQL + zero-cache started by each test file (scripts/stack).
// One file at a time in one fork: every file runs its own stack and the machine has 2 cores.
// Every suite runs in both sync modes (ZERO_RECORD_SYNC, read by support/mode.ts): legacy (permissions,
// client-built queries, CRUD) and modern (named queries and custom mutators through zero-record/server,
// no permission, CRUD off). `*.modern.test.ts` files test what only the modern path has (policies, specs).
// Two kinds of project as in vitest.config.ts: plain node, and jsdom + the Svelte browser build for runes.
const MODES = ['legacy', 'modern'] as const;

const projects: TestProjectInlineConfiguration[] = MODES.flatMap((mode) => [
  {
    extends: true,
    test: {
      name: `integration-${mode}`,
      environment: 'node',
      env: { ZERO_RECORD_SYNC: mode },
      include: ['__tests__/integration/**/*.test.ts'],
      exclude: ['__tests__/integration/**/*.svelte.test.ts', ...(mode === 'legacy' ? ['__tests__/integration/**/*.modern.test.ts'] : [])],
    },
  },
  {
    extends: true,
    plugins: [svelte(), svelteTesting()],
    test: {
      name: `integration-svelte-${mode}`,
      environment: 'jsdom',
      env: { ZERO_RECORD_SYNC: mode },
      include: ['__tests__/integration/**/*.svelte.test.ts'],
    },
  },
]);

export default defineConfig({
  test: {
    ...STACK_TIER,
    projects,
  },
});
