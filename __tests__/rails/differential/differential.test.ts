/**
 * The differential test: the same scenarios through ActiveRecord 6.1 (scenarios.rb: Ruby, SQLite in memory) and through
 * zero-record's ActiveRecord flavour (scenarios.ts: a local Zero), compared output for output. A scenario that differs
 * must be listed in known-differences.ts, and an entry there must still differ as listed.
 *
 * Run: npx vitest run -c vitest.rails.config.ts __tests__/rails/differential
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../../generator/support.ts';
import { requireRuby, run } from '../ruby.ts';
import { knownDifferences, type Category, type KnownDifference, type Part } from './known-differences.ts';
import { runScenarios, type Outcome } from './scenarios.ts';

const here = dirname(fileURLToPath(import.meta.url));

// Zero logs these for every local client (no server; writes still waiting for one at close). vitest.config.ts drops
// them the same way for the runtime tiers.
const ZERO_NOISE = /unsupported environment, no data will be synced|Zero was explicitly closed/;

function isOutcome(value: unknown): value is Outcome {
  if (typeof value !== 'object' || value === null) return false;
  if ('value' in value) return Object.keys(value).length === 1;
  if (!('raised' in value) || Object.keys(value).length !== 1) return false;
  const raised: unknown = value.raised;
  return typeof raised === 'object' && raised !== null && 'class' in raised && typeof raised.class === 'string' && 'message' in raised && typeof raised.message === 'string';
}

/** scenarios.rb's outputs, by name, in its order. */
function rubyOutcomes(): Map<string, Outcome> {
  const result = run('ruby', [join(here, 'scenarios.rb')]);
  if (result.status !== 0 || result.stderr !== '') throw new Error(`scenarios.rb failed (exit ${result.status}):\n${result.stderr}`);
  const parsed: unknown = JSON.parse(result.stdout);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`scenarios.rb printed no JSON object: ${result.stdout.slice(0, 200)}`);
  const outcomes = new Map<string, Outcome>();
  for (const [name, outcome] of Object.entries(parsed)) {
    if (!isOutcome(outcome)) throw new Error(`scenarios.rb: ${name} printed ${JSON.stringify(outcome)}, neither { value } nor { raised: { class, message } }`);
    outcomes.set(name, outcome);
  }
  return outcomes;
}

// Compared as named, but for the two spellings: ActiveRecord::RecordNotFound and ActiveModel::UnknownAttributeError
// are RecordNotFoundError and UnknownAttributeError here, so both sides drop those namespaces and the `Error` suffix.
const className = (name: string) => name.replace(/^(ActiveRecord|ActiveModel)::/, '').replace(/Error$/, '');
// Ruby 3.1's error_highlight appends the failing line of Ruby source and a ^^^ marker under it to some messages.
const withoutHighlight = (message: string) => message.replace(/\n\n[^\n]*\n *\^+$/, '');

/** JSON with every object's keys sorted: Ruby's Hash and JavaScript's object orders are not part of the answer. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Where two outputs differ: the class and / or message of what both raised, else the value (one raised, or two values). */
function differingParts(ruby: Outcome, ts: Outcome): Part[] {
  if ('raised' in ruby && 'raised' in ts) {
    const parts: Part[] = [];
    if (className(ruby.raised.class) !== className(ts.raised.class)) parts.push('class');
    if (withoutHighlight(ruby.raised.message) !== ts.raised.message) parts.push('message');
    return parts;
  }
  return canonical(ruby) === canonical(ts) ? [] : ['value'];
}

const shown = (outcome: Outcome | undefined) => {
  const json = JSON.stringify(outcome) ?? '(not run)';
  return json.length > 600 ? `${json.slice(0, 600)}...` : json;
};

interface Comparison {
  readonly name: string;
  readonly ruby: Outcome;
  readonly ts: Outcome;
  /** Empty when the outputs match. */
  readonly parts: readonly Part[];
}

let ruby: Map<string, Outcome>;
let ts: Map<string, Outcome>;
/** Every scenario both sides ran, in scenarios.rb's order. */
let compared: Comparison[];

beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3']);
  for (const level of ['warn', 'error'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      if (!ZERO_NOISE.test(format(...args))) original(...args);
    });
  }
  ruby = rubyOutcomes();
  ts = await runScenarios();
  compared = [...ruby].flatMap(([name, rubyOutcome]) => {
    const tsOutcome = ts.get(name);
    return tsOutcome ? [{ name, ruby: rubyOutcome, ts: tsOutcome, parts: differingParts(rubyOutcome, tsOutcome) }] : [];
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

const report = (title: string, lines: string[]) => `${lines.length} ${title}\n\n${lines.join('\n\n')}`;
const partsList = (parts: readonly Part[]) => parts.join(', ');

describe('zero-record answers as ActiveRecord 6.1, scenario by scenario (differences listed in known-differences.ts)', () => {
  it('scenarios.rb and scenarios.ts run the same scenarios', () => {
    expect({ onlyInRuby: [...ruby.keys()].filter((n) => !ts.has(n)), onlyInTypeScript: [...ts.keys()].filter((n) => !ruby.has(n)) }).toEqual({
      onlyInRuby: [],
      onlyInTypeScript: [],
    });
  });

  it('every scenario answers as ActiveRecord 6.1 does, or differs only as known-differences.ts lists', () => {
    const unlisted = compared.flatMap(({ name, ruby: r, ts: t, parts }) => {
      const known: KnownDifference | undefined = knownDifferences[name];
      const extra = parts.filter((part) => !known?.parts.includes(part));
      if (extra.length === 0) return [];
      const why = known ? `differs in ${partsList(extra)} too, which its entry (${partsList(known.parts)}) does not list` : `differs in ${partsList(extra)}`;
      return [`${name}: ${why}\n  ruby: ${shown(r)}\n  ts:   ${shown(t)}`];
    });
    const matched = compared.filter((c) => c.parts.length === 0).length;
    const byCategory = Object.values(knownDifferences).reduce<Partial<Record<Category, number>>>((counts, k) => ({ ...counts, [k.category]: (counts[k.category] ?? 0) + 1 }), {});
    console.info(`differential: ${compared.length} scenarios, ${matched} match ActiveRecord 6.1; known differences ${JSON.stringify(byCategory)}`);
    if (unlisted.length > 0) expect.fail(report('scenarios differ from ActiveRecord 6.1 without an entry in known-differences.ts (fix the runtime, or list it):', unlisted));
  });

  it('every entry of known-differences.ts still differs, in the parts it lists', () => {
    const partsOf = new Map(compared.map((c) => [c.name, c.parts]));
    const stale = Object.entries(knownDifferences).flatMap(([name, known]) => {
      const parts = partsOf.get(name);
      if (parts === undefined) return [`${name}: no such scenario ran: remove it from known-differences.ts`];
      if (parts.length === 0) return [`${name}: now matches ActiveRecord 6.1 (${known.category}: ${known.reason}): remove it from known-differences.ts\n  output: ${shown(ts.get(name))}`];
      const gone = known.parts.filter((part) => !parts.includes(part));
      return gone.length > 0 ? [`${name}: its ${partsList(gone)} ${gone.length === 1 ? 'matches' : 'match'} ActiveRecord 6.1 now: remove ${partsList(gone)} from its parts in known-differences.ts`] : [];
    });
    if (stale.length > 0) expect.fail(report('stale entries in known-differences.ts:', stale));
  });

  it('every documented difference names a doc file that exists', () => {
    const missing = Object.entries(knownDifferences).flatMap(([name, known]) => (known.category === 'documented' && !existsSync(join(repoRoot, known.doc)) ? [`${name}: ${known.doc}`] : []));
    expect(missing).toEqual([]);
  });
});
