/** The list kept for what almost always has one member (live subscription holders, shared view listeners). */
import { expect, test } from 'vitest';
import { hasMember, withMember, withoutMember, type OneOrMany } from '../../runtime/core/one-or-many.ts';

const a = { name: 'a' };
const b = { name: 'b' };

test('one member is kept alone, more in an array; each removal drops one occurrence', () => {
  let list: OneOrMany<{ name: string }> = undefined;
  expect(hasMember(list, a)).toBe(false);
  list = withMember(list, a);
  expect(list).toBe(a);
  list = withMember(list, b);
  list = withMember(list, a);
  expect(list).toEqual([a, b, a]);
  list = withoutMember(list, a);
  expect(list).toEqual([b, a]);
  expect(hasMember(list, a)).toBe(true);
  // Down to one: the member alone again, and the one left is the one not removed.
  list = withoutMember(list, b);
  expect(list).toBe(a);
  expect(hasMember(list, b)).toBe(false);
  // Removing what is not there changes nothing.
  expect(withoutMember(list, b)).toBe(a);
  list = withoutMember(list, a);
  expect(list).toBeUndefined();
  expect(withoutMember(list, a)).toBeUndefined();
});
