import type { WriteOptions } from './zero-write.ts';

/**
 * Rails' `create` / `create!` from a flavour's one-record form: given a list (`create([a, b])`), each set of
 * attributes is created in turn, as Rails creates them in order, and the records come back in a list.
 */
export function createOneOrEach<A, T>(create: (attributes: A, options?: WriteOptions) => Promise<T>) {
  return async (attributes: A | readonly A[], options?: WriteOptions): Promise<T | T[]> => {
    if (!Array.isArray(attributes)) return create(attributes as A, options);
    const records: T[] = [];
    for (const each of attributes as readonly A[]) records.push(await create(each, options));
    return records;
  };
}
