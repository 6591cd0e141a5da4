/**
 * The proof: the legacy example app, with its own `reactive-query.svelte.ts` swapped for a one-line re-export of
 * compat, passes its own test suite unchanged. Once as swapped (compat's default: the legacy path), once with the
 * phase-1 set-up an adopting app adds (`configureZero` + `useNewRecordArchitecture: true`: the new runtime), where
 * the generated models' `model-handle.ts` becomes a one-line re-export of compat's handles as well.
 * The copy imports compat through the `zero-record/compat` alias of vitest.legacy-app.config.ts (this repo's compat/).
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const REPO = process.cwd();
const SWAP = "export * from 'zero-record/compat';\n";
const HANDLE_SWAP = "export { manyHandle, oneHandle, notReadyHandle, GENERATED_TTL, type ModelHandle } from 'zero-record/compat';\n";
const PHASE_ONE_SETUP = `
import { configureZero } from 'zero-record';
import { configureRecords } from 'zero-record/compat';
configureZero(() => getZero());
configureRecords({ useNewRecordArchitecture: true });
`;

interface Report {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string }[];
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A copy of the app (self-contained: its tsconfig and the config's dedupe need nothing around it). */
function copyApp(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'zr-compat-proof-'));
  roots.push(root);
  const app = path.join(root, 'legacy-app');
  cpSync(path.join(REPO, 'examples/legacy-app'), app, { recursive: true });
  writeFileSync(path.join(app, 'src/lib/zero/reactive-query.svelte.ts'), SWAP);
  return app;
}

function runAppTests(app: string): Promise<{ report: Report; output: string }> {
  const reportFile = path.join(app, 'report.json');
  return new Promise((resolve, reject) => {
    execFile(
      'npx',
      ['vitest', 'run', '--config', 'vitest.legacy-app.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
      { cwd: REPO, env: { ...process.env, LEGACY_APP_DIR: app, CI: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        try {
          resolve({ report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report, output });
        } catch {
          reject(new Error(`the legacy app's tests did not produce a report (${String(error)}):\n${output.slice(-4000)}`));
        }
      },
    );
  });
}

function expectGreen({ report, output }: { report: Report; output: string }): void {
  const failed = report.testResults.filter((file) => file.status !== 'passed').map((file) => file.name);
  expect(failed, output.slice(-4000)).toEqual([]);
  expect(report.numFailedTests).toBe(0);
  expect(report.numPassedTests).toBe(report.numTotalTests);
  expect(report.numTotalTests).toBeGreaterThan(20);
  // The copy really ran on compat: its deprecation warning was printed.
  expect(output).toContain('ReactiveQuery is deprecated and kept working by zero-record/compat');
}

describe('the legacy app with reactive-query.svelte.ts swapped for compat', () => {
  test('passes its own tests (compat default: the legacy path)', async () => {
    const app = copyApp();
    expect(readFileSync(path.join(app, 'src/lib/zero/reactive-query.svelte.ts'), 'utf8').trim().split('\n')).toHaveLength(1);
    expectGreen(await runAppTests(app));
  }, 300_000);

  test('passes its own tests on the new runtime (configureZero + useNewRecordArchitecture: true), model-handle.ts swapped too', async () => {
    const app = copyApp();
    appendFileSync(path.join(app, 'src/lib/zero/client.ts'), PHASE_ONE_SETUP);
    writeFileSync(path.join(app, 'src/lib/zero/model-handle.ts'), HANDLE_SWAP);
    const run = await runAppTests(app);
    expectGreen(run);
    expect(run.output).not.toContain('legacy queries run on the legacy path');
  }, 300_000);
});
