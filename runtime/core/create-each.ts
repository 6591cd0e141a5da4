/** Rails' `create([a, b])`: a model's create run for each set of attributes in turn, as Rails creates them in order. */
export async function createEach<I, T>(items: readonly I[], create: (item: I) => Promise<T>): Promise<T[]> {
  const records: T[] = [];
  for (const item of items) records.push(await create(item));
  return records;
}
