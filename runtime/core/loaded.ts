/**
 * What `includes` loaded, in the types. A relation's association map `A` (`AssociationsOf`) carries the names its
 * `includes` certainly loaded under a key of its own, so each flavour's record types read those associations as loaded
 * values (`job.client?.name`, `job.tasks.map(...)`) and the others as readers. Types only: nothing here exists at run
 * time.
 */
import type { Relation, UnscopeArg } from './relation.ts';

declare const LOADED: unique symbol;

/** The relationship names `A` marks loaded. */
export type LoadedNames<A> = A extends { readonly [LOADED]: infer N } ? N : never;

// One flat mapped type, not `Omit<A> & {...}`: a chain of includes would nest one Omit per call.
/** `A` with `N` loaded too. */
export type WithLoaded<A, N> = { readonly [K in keyof A | typeof LOADED]: K extends typeof LOADED ? LoadedNames<A> | N : A[K & keyof A] };

/** `A` with nothing loaded: what records made through the relation (`new`, `create`), or after `unscope('includes')`, read. */
export type WithoutLoaded<A> = { readonly [K in Exclude<keyof A, typeof LOADED>]: A[K] };

/** `A` after `unscope(...args)`: nothing loaded once `'includes'` may be among them. */
export type AfterUnscope<A, Args extends readonly UnscopeArg[]> = 'includes' extends Args[number] ? WithoutLoaded<A> : A;

/**
 * `K` when a record reads association `K` of `A`: always, except a relationship through a junction table that was not
 * loaded (its reader throws: it is read with `includes`).
 */
export type ReadableAssociation<A, K extends keyof A> = K extends LoadedNames<A> ? K : A[K] extends { readonly through: true } ? never : K;

/** The relationship names of `A` (`includes` loads them). */
export type AssociationName<A> = { [K in keyof A]: A[K] extends { readonly row: unknown } ? K : never }[keyof A] & string;

/**
 * What `includes` takes, typed: relationship names, or `{ name: (relation) => relation }` to shape one. A model without
 * relationships takes no object: `{}` would match any object, a record given to ReactiveRelation's `includes(record)` too.
 */
export type IncludeOf<A> =
  | AssociationName<A>
  | ([AssociationName<A>] extends [never] ? never : { readonly [K in AssociationName<A>]?: true | ((relation: Relation) => Relation) });

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** A name one `includes` argument certainly loads: one literal name (not a union of them), or a key every shape of an object has. */
type CertainlyLoaded<Arg> = [Arg] extends [string]
  ? [Arg] extends [UnionToIntersection<Arg>]
    ? Arg
    : never
  : { [K in keyof Arg & string]-?: undefined extends Arg[K] ? never : K }[keyof Arg & string];

/**
 * The relationship names a list of `includes` arguments certainly loads: a list of unknown length (`...names`) or a name
 * that is one of several (`pick: 'client' | 'tasks'`) may load none of them, so it counts for nothing.
 */
export type LoadedBy<Args extends readonly unknown[]> = number extends Args['length'] ? never : { [I in keyof Args]: CertainlyLoaded<Args[I]> }[number];

/**
 * The relation methods that make records: a record made through a relation (`Job.includes('tasks').new()`) has loaded
 * nothing, so these answer records of `WithoutLoaded<A>` (a found one, from `find_or_create_by`, has; the type is the
 * safe side of it).
 */
export type RecordMakingMethod =
  | 'new' | 'build' | 'create' | 'create_bang' | 'find_or_create_by' | 'find_or_create_by_bang' | 'find_or_initialize_by'
  | 'first_or_create' | 'first_or_create_bang' | 'first_or_initialize' | 'create_or_find_by' | 'create_or_find_by_bang';
