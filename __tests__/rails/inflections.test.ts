/**
 * The names the toolkit derives (class from table, an enum's mapping, the plurals in Rails' messages) are ActiveSupport's:
 * every word below, in three spellings and three compounds, pluralized and singularized by real Ruby and by inflect.ts.
 */
import { describe, expect, test } from 'vitest';
import { pluralize, singularize } from '../../runtime/core/inflect.ts';
import { requireRuby, run } from './ruby.ts';

const WORDS = `job client person man woman child sex move zombie equipment information rice money species series fish sheep jeans
police quiz ox oxen mouse mice louse matrix vertex index box church class dish city query hive wife leaf knife half wolf
analysis basis diagnosis datum medium criteria buffalo tomato bus alias status octopus virus axis testis crisis shoe movie
news address business day toy key boy guy photo hero cactus focus radius thesis synopsis parenthesis prognosis database
soliloquy line_item fireman human german salesman statuses people men children indices matrices vertices analyses buses
aliases octopi axes crises shoes movies quizzes databases knives wives halves lives regimen specimen éfish ümoney ñfish`.split(/\s+/);

// Ruby's inflections match words at their end, after a word boundary, or anchored at the start: each spelling tests one.
const spellings = WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), `line_${w}`, `big-${w}`, `super${w}`]);

describe("inflect.ts is ActiveSupport's English inflections", () => {
  test('pluralize and singularize agree with Ruby on every spelling', () => {
    requireRuby(['active_support']);
    const script = 'require "active_support/all"; STDIN.read.split("\\n").each { |w| puts [w, w.pluralize, w.singularize].join("\\t") }';
    const ruby = run('ruby', ['-e', script], { input: spellings.join('\n') });
    expect(ruby.status, ruby.stderr).toBe(0);
    const ours = spellings.map((w) => [w, pluralize(w), singularize(w)].join('\t'));
    expect(ours).toEqual(ruby.stdout.trimEnd().split('\n'));
    // What the rules above are about, so a list that stops reaching them fails here.
    expect(['salesman', 'line_fish', 'big-fish', 'mouse', 'medium'].map(pluralize)).toEqual(['salesmen', 'line_fishes', 'big-fish', 'mice', 'media']);
  });
});
