// The suite's deadlines bound hangs; none may be tighter than the configured default, or a loaded machine fails it by
// chance (a soak test that set 60 s under a 10-minute describe did, at load 17). Derived from the files and the config.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import config from '../../vitest.config.ts';

const root = join(import.meta.dirname, '..');
const defaultTimeout = config.test?.testTimeout ?? 0;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : testFiles(path);
    return /\.(test|proof)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Per-test or per-block deadlines: `}, 30_000)` closing a test or hook, and `{ timeout: 30_000 }` describe/test options. */
const DEADLINE = /^\s*\}, ([\d_]+)\);|^\s*(?:describe|test|it)(?:\.\w+)?\([^\n]*\{ timeout: ([\d_]+) \}/gm;

describe('test deadlines', () => {
  test('the default is a deadline, not a speed check', () => {
    expect(defaultTimeout).toBeGreaterThanOrEqual(60_000);
  });

  test('no test, hook or block sets a deadline below the default', () => {
    const tighter = testFiles(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(DEADLINE)]
        .map((match) => Number((match[1] ?? match[2])!.replaceAll('_', '')))
        .filter((ms) => ms < defaultTimeout)
        .map((ms) => `${relative(root, file)}: ${ms} ms`),
    );
    expect(tighter).toEqual([]);
  });
});
