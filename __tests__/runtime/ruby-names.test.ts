/**
 * The one rule for Ruby's `!` and `?` (docs/names.md): the helpers, and the runtime's own names following it.
 */
import { describe, expect, test } from 'vitest';
import { ActiveRecord, QueryError, defineModel, reservedNames, rubyMethodName, tsMethodName } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { schema } from '../support/zero.ts';

describe('tsMethodName / rubyMethodName', () => {
  test.each([
    ['find_by!', 'find_by_bang'],
    ['first!', 'first_bang'],
    ['none?', 'none_p'],
    ['changed?', 'changed_p'],
    ['new_record?', 'new_record_p'],
    ['none', 'none'],
    ['changed', 'changed'],
  ])('%s <-> %s', (ruby, ts) => {
    expect(tsMethodName(ruby)).toBe(ts);
    expect(rubyMethodName(ts)).toBe(ruby);
  });

  test('pairs that differ only by the mark keep distinct names', () => {
    const names = ['changed', 'changed?', 'none', 'none?', 'save', 'save!', 'valid?', 'find_by', 'find_by!'].map(tsMethodName);
    expect(new Set(names).size).toBe(names.length);
  });

  test('a name it cannot spell is a QueryError saying what is allowed', () => {
    expect(() => tsMethodName('title=')).toThrow(QueryError);
    expect(() => tsMethodName('a?b')).toThrow(/letters, digits and _, optionally ending in ! or \?/);
  });
});

test("the runtime's bang methods follow the rule: each `x_bang` is Rails' `x!`, beside its plain `x`", () => {
  const config = defineModel({ schema, table: 'jobs' });
  ActiveRecord.createModel(config);
  ReactiveRecord.createModel(config);
  const members = [...reservedNames('relation').keys()];
  const bangs = members.filter((name) => name.endsWith('_bang'));
  expect(bangs).toEqual(expect.arrayContaining(['find_by_bang', 'first_bang', 'last_bang', 'take_bang']));
  for (const name of bangs) {
    expect(tsMethodName(rubyMethodName(name))).toBe(name);
    expect(members, name).toContain(rubyMethodName(name).slice(0, -1));
  }
});
