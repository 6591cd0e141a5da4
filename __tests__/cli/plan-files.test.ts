/**
 * Planning in worker threads: the same plans, in the same order, as planning in-process; progress for every
 * file; an interrupt stops it; a failure names the file. Real files, the real planner, real workers (tsx-loaded).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import { planFiles, planningThreads, PlanningWorkerError, PlanningWorkers, WORKERS_FROM_FILES, type PlanRun } from '../../scripts/cli/plan-files.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { scanFiles } from '../../scripts/cli/scan.ts';
import { captureIO, makeProject, PROJECT_FILES, treeHashes } from './project.ts';
import { waitUntil } from '../support/wait.ts';

const REPO = join(import.meta.dirname, '../..');

/** `copies` copies of every legacy source of the CLI test project, under numbered folders. */
function bigProject(copies: number): string {
  const sources = Object.entries(PROJECT_FILES).filter(([path]) => path.startsWith('src/'));
  const files: Record<string, string> = { '.gitignore': PROJECT_FILES['.gitignore']! };
  for (let i = 0; i < copies; i++) for (const [path, text] of sources) files[path.replace('src/', `src/copy${String(i).padStart(2, '0')}/`)] = text;
  return makeProject(files);
}

function runOf(root: string, files: readonly string[], threads: number, overrides: Partial<PlanRun> = {}): PlanRun {
  return { root, files, options: {}, threads, onFile: () => {}, interrupted: () => false, ...overrides };
}

describe('planning in worker threads', { timeout: 120_000 }, () => {
  it('gives the same plans in file order as in-process, and reports progress once per file', async () => {
    const root = bigProject(3);
    writeFileSync(join(root, 'src/not-text.ts'), Buffer.from([0x63, 0x6f, 0xff, 0xfe, 0x0a]));
    const files = scanFiles(root, [], []);
    const inProcess = await planFiles(runOf(root, files, 0));
    const seen: [number, string][] = [];
    const inWorkers = await planFiles(runOf(root, files, 2, { onFile: (done, total, file) => (expect(total).toBe(files.length), seen.push([done, file])) }));
    expect(inWorkers).toEqual(inProcess);
    expect(inWorkers!.map((p) => p.path)).toEqual(files);
    expect(inWorkers!.filter((p) => p.status === 'changed').length).toBeGreaterThan(3);
    expect(inWorkers!.find((p) => p.path === 'src/not-text.ts')?.diagnostics[0]?.message).toBe('not UTF-8 text: left untouched');
    expect(seen.map(([done]) => done)).toEqual(files.map((_, i) => i + 1));
    expect(seen.map(([, file]) => file).sort()).toEqual([...files].sort());
  });

  it('stops when interrupted and names the file a worker failed on', async () => {
    const root = bigProject(2);
    const files = scanFiles(root, [], []);
    let calls = 0;
    const stopped = await planFiles(runOf(root, files, 2, { onFile: () => void calls++, interrupted: () => calls >= 3 }));
    expect(stopped).toBeNull();
    expect(calls).toBeLessThan(files.length);
    // A file deleted between scan and plan: in-process the read throws; in a worker the same error comes back named.
    const missing = [...files.slice(0, 4), 'src/vanished.ts'];
    await expect(planFiles(runOf(root, missing, 0))).rejects.toThrow(/ENOENT.*vanished\.ts/);
    const failure = planFiles(runOf(root, missing, 2));
    await expect(failure).rejects.toBeInstanceOf(PlanningWorkerError);
    await expect(failure).rejects.toThrow(/src\/vanished\.ts.*ENOENT/);
  });

  it('one pool serves runs in turn, and what an interrupted run still sends does not reach the next', async () => {
    const root = bigProject(2);
    const files = scanFiles(root, [], []);
    const pool = new PlanningWorkers(root, 2);
    try {
      let calls = 0;
      expect(await planFiles(runOf(root, files, 2, { workers: pool, onFile: () => void calls++, interrupted: () => calls >= 1 }))).toBeNull();
      // Reversed, so a late plan of the first run taken for this one would land at the wrong index.
      const reversed = [...files].reverse();
      const next = await planFiles(runOf(root, reversed, 2, { workers: pool }));
      expect(next).toEqual(await planFiles(runOf(root, reversed, 0)));
      expect(pool.failed).toBeNull();
    } finally {
      await pool.close();
    }
  });

  it('uses one thread per core from WORKERS_FROM_FILES files on, and none below', () => {
    const cores = availableParallelism();
    expect(planningThreads(WORKERS_FROM_FILES - 1)).toBe(0);
    expect(planningThreads(WORKERS_FROM_FILES)).toBe(cores < 2 ? 0 : cores);
  });

  it('migrate over a large project plans in workers and reports files in scan order', async () => {
    const root = bigProject(Math.ceil(WORKERS_FROM_FILES / 7) + 1);
    const files = scanFiles(root, [], []);
    expect(files.length).toBeGreaterThanOrEqual(WORKERS_FROM_FILES);
    const io = captureIO(root);
    expect(await migrate(['--dry', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out()) as JsonReport;
    const expected = await planFiles(runOf(root, files, 0));
    expect(report.files.map((f) => [f.path, f.status])).toEqual(expected!.map((p) => [p.path, p.status]));
    const text = captureIO(root);
    expect(await migrate(['--dry'], text)).toBe(0);
    if (planningThreads(files.length)) expect(text.err()).toContain(`planning ${files.length} files under ${root} on ${planningThreads(files.length)} threads`);
  });

  it('SIGINT while workers plan: exit 130, nothing written', async () => {
    const root = bigProject(Math.ceil(WORKERS_FROM_FILES / 7) + 1);
    const before = treeHashes(root, true);
    // Interruption is under test, not recognition: --syntactic keeps the (synchronous) TypeScript program out of it.
    const child = spawn(process.execPath, [join(REPO, 'bin/zero-record.mjs'), 'migrate', '--root', root, '--syntactic'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await waitUntil('planning to start', () => {
      if (!stderr.includes('planning ')) throw new Error(`stderr so far: ${stderr}`);
    }, { timeoutMs: 30_000 });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted while planning; nothing was written');
    expect(treeHashes(root, true)).toEqual(before);
  });
});
