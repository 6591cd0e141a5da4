/**
 * A model object (`ActiveJob`, `ReactiveJob`): class-level members plus every query method and scope, each starting
 * from a fresh `all()`. The model itself is not a relation, so it is never thenable or iterable by accident.
 */
import { RELATION_METHODS } from './relation-methods.ts';
import type { Relation } from './relation.ts';

/** Freezes `statics` with the relation's query methods and scopes added, except `excluded` and what `statics` defines. */
export function modelObject(statics: Record<string, unknown>, all: () => Relation, excluded: readonly string[]): unknown {
  const model = { ...statics };
  const prototype = all() as unknown as Record<string, unknown>;
  const names = [...RELATION_METHODS, ...Object.keys(all().model.scopes)];
  for (const name of names) {
    if (name in model || excluded.includes(name) || typeof prototype[name] !== 'function') continue;
    model[name] = (...args: unknown[]) => (all() as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
  }
  return Object.freeze(model);
}
