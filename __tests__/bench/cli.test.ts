import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmRegressions, main } from '../../scripts/bench.ts';
import { childArgs } from '../../bench/harness/child.ts';
import { GROUPS, groupById } from '../../bench/groups.ts';

describe('zero-record bench: arguments', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rejects an unknown group with exit 2 and lists the groups', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--only', 'nope'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/unknown group nope; groups: property-access, active-memory/);
  });

  it('--help prints the usage and the groups and exits 0 through the installed command', () => {
    // `--only nope` makes a --help that is ignored fail fast instead of running the benchmarks.
    const bin = fileURLToPath(new URL('../../bin/zero-record.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'bench', '--help', '--only', 'nope'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`usage: zero-record bench [--check] [--only property-access,finders,...]\ngroups: ${GROUPS.map((g) => g.id).join(', ')}\n`);
  });

  it('-h prints the usage too', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['-h'])).toBe(0);
    expect(String(stdout.mock.calls[0]?.[0])).toMatch(/^usage: zero-record bench \[--check\]/);
  });

  it('rejects an unknown flag with the usage', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--fast'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/unknown argument "--fast"\nusage: zero-record bench \[--check\]/);
  });
});

describe('child process flags', () => {
  it('gives every group --expose-gc and tsx, so memory figures never need flags from the user', () => {
    for (const group of GROUPS) {
      const args = childArgs(group, 'fast', '/tmp/out.json');
      expect(args[0]).toBe('--expose-gc');
      expect(args).toContain('tsx');
      expect(args.slice(-4)).toEqual([group.id, 'fast', '/tmp/out.json', '0']);
    }
  });

  it('tells a child which of its group\'s processes it is', () => {
    expect(childArgs(groupById('reactive-update')!, 'full', 'o.json', 5).slice(-4)).toEqual(['reactive-update', 'full', 'o.json', '5']);
  });

  it('runs every group on our sources as they ship (source hooks), and the reactive groups on the browser build of Svelte', () => {
    for (const group of GROUPS) expect(childArgs(group, 'full', 'o.json').some((arg) => arg.endsWith('source-register.ts'))).toBe(true);
    for (const id of ['reactive-memory', 'reactive-update']) expect(childArgs(groupById(id)!, 'full', 'o.json')).toContain('--conditions=browser');
    expect(childArgs(groupById('finders')!, 'full', 'o.json')).not.toContain('--conditions=browser');
  });
});

describe('confirmRegressions (bench:check runs a suspect group twice)', () => {
  const goal = { kind: 'ratio', max: 1.1 } as const;
  const row = (name: string, ratio: number) => ({ group: '5 finders', name, subject: null, baseline: null, ratio, goal, met: ratio <= 1.1 });

  it('keeps a regression seen in both runs, and a passing row untouched', () => {
    const first = [row('find', 5), row('where', 1.0)];
    const out = confirmRegressions(first, [row('find', 4.5), row('where', 9)]);
    expect(out[0]!.ratio).toBe(5);
    expect(out[1]!.ratio).toBe(1.0);
  });

  it('drops a one-off: the second run within the margin replaces the first', () => {
    expect(confirmRegressions([row('find', 6.9)], [row('find', 1.3)])[0]!.ratio).toBe(1.3);
  });

  it('keeps the first figure when the second run has no such row (its group crashed)', () => {
    expect(confirmRegressions([row('find', 6.9)], [])[0]!.ratio).toBe(6.9);
  });
});
