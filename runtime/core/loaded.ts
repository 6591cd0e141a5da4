/**
 * What `includes` loaded, in the types. A relation's association map `A` (`AssociationsOf`) carries the names its
 * `includes` loaded under a key of its own, so each flavour's record types read those associations as loaded values
 * (`job.client?.name`, `job.tasks.map(...)`) and the others as readers. Types only: nothing here exists at run time.
 */
import type { Relation, UnscopeArg } from './relation.ts';

declare const LOADED: unique symbol;

/** The relationship names `A` marks loaded. */
export type LoadedNames<A> = A extends { readonly [LOADED]: infer N } ? N : never;

/** `A` with `N` loaded too. */
export type WithLoaded<A, N> = Omit<A, typeof LOADED> & { readonly [LOADED]: LoadedNames<A> | N };

/** `A` after `unscope(...args)`: nothing loaded once `'includes'` is among them. */
export type AfterUnscope<A, Args extends readonly UnscopeArg[]> = 'includes' extends Args[number] ? Omit<A, typeof LOADED> : A;

/** The relationship names of `A` (`includes` loads them). */
export type AssociationName<A> = { [K in keyof A]: A[K] extends { readonly row: unknown } ? K : never }[keyof A] & string;

/** What `includes` takes, typed: relationship names, or `{ name: (relation) => relation }` to shape one. */
export type IncludeOf<A> = AssociationName<A> | { readonly [K in AssociationName<A>]?: true | ((relation: Relation) => Relation) };

/** The relationship names a list of `includes` arguments loads. */
export type LoadedBy<Args extends readonly unknown[]> = Args[number] extends infer Arg ? (Arg extends string ? Arg : keyof Arg & string) : never;
