/**
 * A list that almost always holds one member (a live subscription's holders, a shared view's listeners): the member
 * alone, with no array (an array and its store cost about 56 B per live query), an array from the second member on, and
 * undefined when empty. Members are never arrays themselves; a member may be in the list more than once.
 */
export type OneOrMany<T> = T | T[] | undefined;

/** `list` with `member` added. */
export function withMember<T>(list: OneOrMany<T>, member: T): OneOrMany<T> {
  if (list === undefined) return member;
  if (!Array.isArray(list)) return [list, member];
  list.push(member);
  return list;
}

/** `list` without one occurrence of `member` (as it was when it has none). */
export function withoutMember<T>(list: OneOrMany<T>, member: T): OneOrMany<T> {
  if (!Array.isArray(list)) return list === member ? undefined : list;
  const at = list.indexOf(member);
  if (at < 0) return list;
  list.splice(at, 1);
  return list.length === 1 ? list[0] : list;
}

export function hasMember<T>(list: OneOrMany<T>, member: T): boolean {
  return Array.isArray(list) ? list.includes(member) : list === member;
}
