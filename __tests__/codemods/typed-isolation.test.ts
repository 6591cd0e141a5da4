/**
 * The type query skips statements no legacy type can reach (codemods/typed/isolation.ts). Skipping must never
 * cost a use: a statement that reaches a legacy value through a same-file function, another file's function or a
 * global augmentation is queried, and its uses are found.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Isolation, reaching } from '../../codemods/typed/isolation.ts';
import type { Recognition } from '../../codemods/typed/recognise.ts';
import { recogniseApp, writeLegacyApp } from './legacy-app.ts';

const LEGACY_MODULES = join(import.meta.dirname, '../../examples/legacy-app/src/lib/zero');

const APP: Record<string, string> = {
  // Imports a legacy module: pure helpers beside a function that returns a handle.
  'src/lib/watch.ts': `import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import type { Job } from '$lib/zero/job.generated';

export function fmt(value: number): string {
  return Math.round(value).toString();
}

export function watchJobs(): ReactiveQuery<Job> {
  return new ReactiveQuery<Job>(() => null, [], '5m');
}
`,
  // Imports the module above only: one statement uses the pure helper, two reach the handle.
  'src/lib/use.ts': `import { fmt, watchJobs } from './watch';

export function label(n: number): string {
  return fmt(n) + ' h';
}

function jobs() {
  return watchJobs();
}

export function count(): number {
  return jobs().current.length;
}
`,
  // Declares a handle on window: the one way to a legacy type without a name.
  'src/lib/globals.ts': `import type { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import type { Job } from '$lib/zero/job.generated';

declare global {
  interface Window {
    jobsQuery: ReactiveQuery<Job>;
  }
}
export {};
`,
  // Imports nothing at all, yet reads a legacy handle.
  'src/lib/from-window.ts': `export function windowCount(): number {
  return window.jobsQuery.current.length;
}
`,
};

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function makeApp(files: Record<string, string>): string {
  const root = writeLegacyApp('zr-isolation-', LEGACY_MODULES, files);
  roots.push(root);
  return root;
}

/** The top-level statement of `rel` whose text starts with `head`. */
function statement(recognition: Recognition, rel: string, head: string): Node {
  const sf = recognition.program.program.getSourceFile(recognition.program.files.get(rel)!.fileName)!;
  const found = sf.statements.find((s) => s.getText(sf).startsWith(head));
  if (!found) throw new Error(`no statement of ${rel} starts with ${head}`);
  return found;
}

function isolationOf(recognition: Recognition): Isolation {
  const { program, legacy } = recognition;
  return new Isolation(program, reaching(program, legacy.declaring), legacy.declaring);
}

describe('statements the type query skips', { timeout: 120_000 }, () => {
  describe('without a global augmentation', () => {
    let recognition: Recognition;
    beforeAll(() => {
      const { 'src/lib/globals.ts': _globals, 'src/lib/from-window.ts': _window, ...files } = APP;
      recognition = recogniseApp(makeApp(files));
    });

    it('skips a pure helper, here and through another file', () => {
      const isolation = isolationOf(recognition);
      expect(isolation.canSkip(statement(recognition, 'src/lib/watch.ts', 'export function fmt'))).toBe(true);
      expect(isolation.canSkip(statement(recognition, 'src/lib/use.ts', 'export function label'))).toBe(true);
    });

    it('queries a statement that reaches a handle through another file or a same-file function, and finds its uses', () => {
      const isolation = isolationOf(recognition);
      expect(isolation.canSkip(statement(recognition, 'src/lib/watch.ts', 'export function watchJobs'))).toBe(false);
      expect(isolation.canSkip(statement(recognition, 'src/lib/use.ts', 'function jobs'))).toBe(false);
      expect(isolation.canSkip(statement(recognition, 'src/lib/use.ts', 'export function count'))).toBe(false);
      const uses = recognition.uses.get('src/lib/use.ts')!.map((u) => u.text);
      expect(uses).toContain('watchJobs()');
      expect(uses.some((text) => text.startsWith('jobs()'))).toBe(true);
      expect(uses.some((text) => text.startsWith('fmt'))).toBe(false);
    });
  });

  it('skips nothing once a file within reach augments the global scope, and finds a use that imports nothing', () => {
    const recognition = recogniseApp(makeApp(APP));
    const isolation = isolationOf(recognition);
    expect(isolation.reachIsClosed).toBe(false);
    expect(isolation.canSkip(statement(recognition, 'src/lib/watch.ts', 'export function fmt'))).toBe(false);
    const uses = recognition.uses.get('src/lib/from-window.ts')!.map((u) => u.text);
    expect(uses.some((text) => text.startsWith('window.jobsQuery'))).toBe(true);
  });
});
