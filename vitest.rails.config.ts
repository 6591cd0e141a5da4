import { defineConfig } from 'vitest/config';

// The Ruby tier: real Ruby + Active Record 6.1 + SQLite (+ Rails 6.1 railties), installed by .ci/install-ruby.sh.
// Outside `npm test`; fails (never skips) when Ruby is missing.
export default defineConfig({
  test: {
    name: 'rails',
    environment: 'node',
    include: ['__tests__/rails/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
