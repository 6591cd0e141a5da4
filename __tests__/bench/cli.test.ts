import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/bench.ts';
import { childArgs } from '../../bench/harness/child.ts';
import { GROUPS, groupById } from '../../bench/groups.ts';

describe('zero-record bench: arguments', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rejects an unknown group with exit 2 and lists the groups', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--only', 'nope'])).toBe(2);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/unknown group nope; groups: property-access, active-memory/);
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
      expect(args.slice(-3)).toEqual([group.id, 'fast', '/tmp/out.json']);
    }
  });

  it('runs the reactive groups on the browser build of Svelte with runes compiled', () => {
    for (const id of ['reactive-memory', 'reactive-update']) {
      const args = childArgs(groupById(id)!, 'full', 'o.json');
      expect(args).toContain('--conditions=browser');
      expect(args.some((arg) => arg.endsWith('svelte-register.ts'))).toBe(true);
    }
    expect(childArgs(groupById('finders')!, 'full', 'o.json')).not.toContain('--conditions=browser');
  });
});
