/**
 * The runtime's Zero custom mutators (the Zero 1.x write path). Register them on the client
 * (`new Zero({ schema, mutators: recordMutators })`) and in the app's push endpoint, so the same definitions run on both sides.
 * Apps whose schema sets `enableLegacyMutators` write through Zero's CRUD mutators instead; see `writeRow` in zero-write.ts.
 */
import { defineMutator, defineMutators } from '@rocicorp/zero';

/** The row operations the runtime writes through Zero. */
export type WriteOperation = 'insert' | 'update' | 'upsert' | 'delete';

export interface WriteArgs {
  readonly table: string;
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
  [key: string]: unknown;
}

type CrudTable = Record<WriteOperation, (values: WriteArgs['values']) => Promise<void>>;

const write = (operation: WriteOperation) =>
  defineMutator(async ({ tx, args }) => {
    const { table: name, values } = args as unknown as WriteArgs;
    const table = (tx.mutate as unknown as Record<string, CrudTable | undefined>)[name];
    if (!table) throw new Error(`zero-record: unknown table '${name}'`);
    await table[operation](values);
  });

/** `zeroRecord.insert | update | upsert | delete`, each taking `{ table, values }`. Authorize them in your push endpoint. */
export const recordMutators = defineMutators({
  zeroRecord: {
    insert: write('insert'),
    update: write('update'),
    upsert: write('upsert'),
    delete: write('delete'),
  },
});
