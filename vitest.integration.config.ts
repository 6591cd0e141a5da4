import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { STACK_TIER } from './__tests__/support/stack-tier.ts';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The integration tier: real PostgreSQL + zero-cache (scripts/stack). Files that kill or restart zero-cache, or bring
// their own endpoints, start a stack of their own; the others share one stack per mode, started once by the node
// projects' global setup (support/shared-stack.ts). Two files at a time: a stack start is a chain of Node processes
// (zero-cache's workers) each loading its bundle, one core at a time, so two starts in parallel use both cores.
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
      // The mode's shared stack, for the files that neither crash zero-cache nor bring their own endpoints.
      globalSetup: ['__tests__/integration/support/start-shared-stack.ts'],
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
    fileParallelism: true,
    maxWorkers: 2,
    projects,
  },
});
