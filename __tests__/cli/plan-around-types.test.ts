/**
 * Planning around the type query: where workers plan, one worker plans files while this thread builds the
 * TypeScript program, and then the files it did not reach and those the query found legacy bindings in are
 * planned with the bindings. The plans must be those of the in-process order (the query first, each file planned
 * once with its bindings). The real context-style example app (its legacy models come from a Svelte context:
 * only the query finds them), the real program, real workers; nothing is written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../codemods/config.ts';
import { planAroundTypes } from '../../scripts/cli/plan-around-types.ts';
import { planFiles, type PlanRun } from '../../scripts/cli/plan-files.ts';
import { scanFiles } from '../../scripts/cli/scan.ts';
import { recogniseApp } from '../../scripts/cli/typed-pass.ts';

const APP = join(import.meta.dirname, '../../examples/legacy-context-app');
const files = scanFiles(APP, [], []);
const recognise = () => recogniseApp(APP, files, DEFAULT_CONFIG, {});

function runOf(list: readonly string[], threads: number, overrides: Partial<PlanRun> = {}): PlanRun {
  return { root: APP, files: list, options: { config: DEFAULT_CONFIG }, threads, onFile: () => {}, interrupted: () => false, ...overrides };
}

describe('planning around the type query', { timeout: 180_000 }, () => {
  it('plans in a worker during the query, then the files left and those it found bindings in: the in-process plans', async () => {
    const inProcess = await planAroundTypes(runOf(files, 0), recognise, (text) => expect.fail(`in-process, each file is planned once; got phase ${text}`));
    const bound = files.filter((file) => inProcess.first.recognition?.bindings[file]?.length);
    expect(bound.length).toBeGreaterThan(0);
    // The second round matters: without the bindings, some of those files plan differently.
    const untyped = (await planFiles(runOf(bound, 0)))!;
    expect(untyped.filter((plan) => plan.after !== inProcess.plans![files.indexOf(plan.path)]!.after).length).toBeGreaterThan(0);

    // Progress and phases in the order they came: the phase announces the second round.
    const events: string[] = [];
    const inWorkers = await planAroundTypes(runOf(files, 2, { onFile: (_done, _total, file) => events.push(file) }), recognise, (text) => events.push(`phase: ${text}`));
    expect(inWorkers.plans).toEqual(inProcess.plans);
    expect(inWorkers.first.note).toBe(inProcess.first.note);
    // How far the one worker got while the query ran depends on timing; the second round is what it left plus the bound files.
    const phaseAt = events.findIndex((e) => e.startsWith('phase: '));
    expect(phaseAt).toBeGreaterThanOrEqual(0);
    const first = events.slice(0, phaseAt);
    const second = events.slice(phaseAt + 1);
    expect(new Set(first).size).toBe(first.length);
    expect([...second].sort()).toEqual(files.filter((file) => !first.includes(file) || bound.includes(file)).sort());
    expect(events[phaseAt]).toBe(`phase: planning ${second.length} files with the type query's bindings (${bound.length} in which it found some, ${second.length - bound.length} not planned yet)`);
  });

  it('an interrupt while the program is built: no plans, and nothing planned again', async () => {
    let interrupted = false;
    const phases: string[] = [];
    const result = await planAroundTypes(
      runOf(files, 2, { interrupted: () => interrupted }),
      () => {
        const pass = recognise();
        interrupted = true;
        return pass;
      },
      (text) => phases.push(text),
    );
    expect(result.plans).toBeNull();
    expect(result.first.recognition).not.toBeNull();
    expect(phases).toEqual([]);
  });
});
