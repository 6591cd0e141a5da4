/**
 * Rails' belongs_to `touch:`, applied by both flavours' shared persistence against a real local Zero. Each answer is
 * ActiveRecord 6.1's over SQLite for the same models: an item `belongs_to :owner, touch: true`, a note
 * `belongs_to :item, touch: :seen_at`.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero, createSchema, number, relationships, string, table } from '@rocicorp/zero';
import { ActiveRecord, ConfigError, defineModel, recordMutators, type ModelDefinition } from '../../runtime/index.ts';

const owners = table('owners').columns({ id: string(), name: string(), updated_at: number().optional() }).primaryKey('id');
const items = table('items').columns({ id: string(), title: string(), owner_id: string().optional(), updated_at: number().optional(), seen_at: number().optional() }).primaryKey('id');
const notes = table('notes').columns({ id: string(), body: string(), item_id: string() }).primaryKey('id');
const schema = createSchema({
  tables: [owners, items, notes],
  relationships: [
    relationships(items, ({ one }) => ({ owner: one({ sourceField: ['owner_id'], destField: ['id'], destSchema: owners }) })),
    relationships(notes, ({ one }) => ({ item: one({ sourceField: ['item_id'], destField: ['id'], destSchema: items }) })),
  ],
});

let z: Zero<typeof schema> | undefined;
afterEach(() => z?.close());

const OLD = 1;

async function setup() {
  z = new Zero({ userID: 'u', storageKey: `touches-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
  const zero = z;
  // Rails: record_timestamps off for owners and items, so only touch: writes their updated_at.
  const ownerConfig = defineModel({ schema, table: 'owners', zero, timestamps: false });
  const itemConfig = defineModel({ schema, table: 'items', zero, timestamps: false, relationships: { owner: (): ModelDefinition => ownerConfig }, touches: { owner: true } });
  const noteConfig = defineModel({ schema, table: 'notes', zero, relationships: { item: (): ModelDefinition => itemConfig }, touches: { item: 'seen_at' } });
  const [Owner, Item, Note] = [ActiveRecord.createModel(ownerConfig), ActiveRecord.createModel(itemConfig), ActiveRecord.createModel(noteConfig)];
  await Owner.create_bang([{ id: 'o1', name: 'a', updated_at: OLD }, { id: 'o2', name: 'b', updated_at: OLD }]);
  const reset = async () => {
    await Owner.update_all({ updated_at: OLD });
    await Item.update_all({ updated_at: OLD, seen_at: OLD });
  };
  const fresh = async (id: string) => ((await Owner.find(id)).updated_at ?? 0) > OLD;
  return { Owner, Item, Note, reset, fresh };
}

describe("a belongs_to's touch: sets the parent's updated_at as Rails' after-save, after-destroy and after-touch do", () => {
  test('create, update, a save with no change, a move to another parent, update_columns, touch, a chain, destroy', async () => {
    const { Item, Note, reset, fresh } = await setup();
    await Item.create_bang({ id: 'i1', title: 'x', owner_id: 'o1' });
    expect(['create', await fresh('o1'), await fresh('o2')]).toEqual(['create', true, false]);
    await reset();
    await (await Item.find('i1')).save_bang();
    expect(['save with no change', await fresh('o1')]).toEqual(['save with no change', false]);
    await reset();
    const item = await Item.find('i1');
    await item.update_bang({ title: 'y' });
    expect(['update', await fresh('o1')]).toEqual(['update', true]);
    await reset();
    await item.update_bang({ owner_id: 'o2' });
    expect(['move', await fresh('o1'), await fresh('o2')]).toEqual(['move', true, true]);
    await reset();
    await item.update_columns({ title: 'z' });
    expect(['update_columns', await fresh('o2')]).toEqual(['update_columns', false]);
    await reset();
    await item.touch();
    expect(['touch', await fresh('o2')]).toEqual(['touch', true]);
    await reset();
    await Note.create_bang({ id: 'n1', body: 'hi', item_id: 'i1' });
    const touched = await Item.find('i1');
    expect(['a chain', touched.updated_at! > OLD, touched.seen_at! > OLD, await fresh('o2')]).toEqual(['a chain', true, true, true]);
    await reset();
    await (await Item.find('i1')).destroy();
    expect(['destroy', await fresh('o2')]).toEqual(['destroy', true]);
  });

  test("touch_all writes updated_at wherever the table has it, whatever timestamps: says, as touch() and Rails' timestamp_attributes_for_update_in_model", async () => {
    const { Owner, reset, fresh } = await setup();
    await reset();
    expect(await Owner.where({ id: 'o1' }).touch_all()).toBe(1);
    expect([await fresh('o1'), await fresh('o2')]).toEqual([true, false]);
  });

  test('touch: names a belongs_to and true or a column; an unknown column is refused where it is written', async () => {
    const { Note } = await setup();
    const zero = z!;
    expect(() => defineModel({ schema, table: 'notes', zero, touches: { item: true } })).toThrow(ConfigError);
    const itemConfig = defineModel({ schema, table: 'items', zero });
    const Bad = ActiveRecord.createModel(defineModel({ schema, table: 'notes', zero, relationships: { item: () => itemConfig }, touches: { item: 'nope' } }));
    await Note.create_bang({ id: 'n0', body: 'x', item_id: 'none' }); // no parent: nothing to touch
    await ActiveRecord.createModel(itemConfig).create_bang({ id: 'i9', title: 'x' });
    await expect(Bad.create_bang({ id: 'n9', body: 'x', item_id: 'i9' })).rejects.toThrow("can't write unknown attribute `nope`");
    expect(await Note.exists_p('n9')).toBe(false); // refused before the record's own write, as Rails rolls back
  });

  test('an unsaved key change: destroy and touch reach the parent stored and the one assigned, as Rails does', async () => {
    const { Item, reset, fresh } = await setup();
    await Item.create_bang([{ id: 'i1', title: 'x', owner_id: 'o1' }, { id: 'i2', title: 'y', owner_id: 'o1' }]);
    await reset();
    const touching = await Item.find('i1');
    touching.owner_id = 'o2';
    await touching.touch();
    expect([await fresh('o1'), await fresh('o2')]).toEqual([true, true]);
    await reset();
    const destroying = await Item.find('i2');
    destroying.owner_id = 'o2';
    await destroying.destroy();
    expect([await fresh('o1'), await fresh('o2')]).toEqual([true, true]);
  });
});
