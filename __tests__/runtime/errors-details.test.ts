/**
 * Rails' `errors.details`, `added?` and `of_kind?`: each validator's error type and options. Every expected value is
 * what ActiveRecord 6.1 printed for the same model and values (a Ruby script over SQLite: `p record.errors.details`),
 * Ruby's Symbols written as strings.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero, createSchema, number, string, table } from '@rocicorp/zero';
import { ActiveRecord, RecordInvalidError, recordMutators, type Validations } from '../../runtime/index.ts';

const items = table('items')
  .columns({ id: string(), name: string().optional(), code: string().optional(), qty: number().optional(), email: string().optional(), kind: string().optional(), nick: string().optional() })
  .primaryKey('id');
const schema = createSchema({ tables: [items] });

let z: Zero<typeof schema> | undefined;
afterEach(() => z?.close());

/** The items model on a fresh local Zero, with `validations`. */
function itemModel(validations: Validations) {
  z = new Zero({ userID: 'u', storageKey: `details-${Date.now()}-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
  return ActiveRecord.createModel({ schema, table: 'items', zero: z, validations });
}

function models() {
  // validates :name, presence: true, length: { minimum: 3 }; :qty, numericality: { greater_than: 0, only_integer: true }, allow_nil: true;
  // :email, format: { with: /@/ }; :kind, inclusion: { in: %w[a b] }; :code, exclusion: { in: %w[x] }, length: { is: 2 }; :nick, absence: true
  const Item = itemModel({
    name: [{ kind: 'presence' }, { kind: 'length', minimum: 3 }],
    qty: [{ kind: 'numericality', greater_than: 0, only_integer: true, allow_nil: true }],
    email: [{ kind: 'format', with: '@' }],
    kind: [{ kind: 'inclusion', in: ['a', 'b'] }],
    code: [{ kind: 'exclusion', in: ['x'] }, { kind: 'length', is: 2 }],
    nick: [{ kind: 'absence' }],
  });
  return { Item };
}

describe("errors.details: each validator's type and options, as ActiveModel records them", () => {
  test('one value of each kind failing', () => {
    const { Item } = models();
    const item = Item.new({ name: '', email: 'nope', kind: 'z', code: 'x', nick: 'n' });
    item.qty = '-1.5' as never; // as a form gives it: `new` casts what it is given first (docs/records.md), assignment keeps it as typed
    expect(item.valid_p()).toBe(false);
    expect(item.errors.details()).toEqual({
      name: [{ error: 'blank' }, { error: 'too_short', count: 3 }],
      qty: [{ error: 'not_an_integer', value: '-1.5' }],
      email: [{ error: 'invalid', value: 'nope' }],
      kind: [{ error: 'inclusion', value: 'z' }],
      code: [{ error: 'exclusion', value: 'x' }, { error: 'wrong_length', count: 2 }],
      nick: [{ error: 'present' }],
    });
    // One detail per message, in the same order.
    expect(Object.fromEntries(Object.entries(item.errors.details()).map(([k, v]) => [k, v.length]))).toEqual(
      Object.fromEntries(Object.entries(item.errors.to_hash()).map(([k, v]) => [k, v.length])),
    );
  });

  test('not a number keeps the value as given; a comparison records the number and the bound', () => {
    const { Item } = models();
    const text = Item.new({ name: 'ab', qty: 'abc' as never, email: 'a@b', kind: 'a', code: 'xy' });
    text.valid_p();
    expect(text.errors.details()).toEqual({ name: [{ error: 'too_short', count: 3 }], qty: [{ error: 'not_a_number', value: 'abc' }] });
    const negative = Item.new({ name: 'ab', qty: '-2' as never, email: 'a@b', kind: 'a', code: 'xy' });
    negative.valid_p();
    expect(negative.errors.details()).toEqual({ name: [{ error: 'too_short', count: 3 }], qty: [{ error: 'greater_than', value: -2, count: 0 }] });
  });

  test("added_p compares exactly (type and options, as Rails' added?), of_kind_p the type alone; a message matches either", () => {
    const { Item } = models();
    const item = Item.new({ name: '', qty: '-1.5' as never, email: 'nope', kind: 'z', code: 'x', nick: 'n' });
    item.valid_p();
    const e = item.errors;
    e.add('base', 'Too many', { count: 3 });
    e.add('name', 'is invalid', { error: 'invalid' });
    expect([e.details().base, e.details().name]).toEqual([[{ error: 'Too many', count: 3 }], [{ error: 'blank' }, { error: 'too_short', count: 3 }, { error: 'invalid' }]]);
    // Ruby: added?(:email, :invalid), added?(:email, :invalid, value: "nope"), of_kind?(:email, :invalid), of_kind?(:email),
    // added?(:name, :blank), added?(:name, "can't be blank"), of_kind?(:name, "can't be blank")
    expect([e.added_p('email', 'invalid'), e.added_p('email', 'invalid', { value: 'nope' }), e.of_kind_p('email', 'invalid'), e.of_kind_p('email'), e.added_p('name', 'blank'), e.added_p('name', "can't be blank"), e.of_kind_p('name', "can't be blank")]).toEqual([false, true, true, true, true, true, true]);
    // added?(:name, :too_short), added?(:name, :too_short, count: 3)
    expect([e.added_p('name', 'too_short'), e.added_p('name', 'too_short', { count: 3 })]).toEqual([false, true]);
    e.delete('name');
    expect(Object.keys(e.details())).toEqual(['qty', 'email', 'kind', 'code', 'nick', 'base']);
  });

  test('a custom message keeps the type; numericality adds one error per failing check, each with the message', () => {
    // validates :qty, numericality: { greater_than: 0, odd: true, message: "bad" } with qty -2: ["Qty bad", "Qty bad"]
    const Item = itemModel({ qty: [{ kind: 'numericality', greater_than: 0, odd: true, message: 'bad' }] });
    const item = Item.new({ qty: -2 });
    item.valid_p();
    expect(item.errors.full_messages()).toEqual(['Qty bad', 'Qty bad']);
    expect(item.errors.details()).toEqual({ qty: [{ error: 'greater_than', value: -2, count: 0 }, { error: 'odd', value: -2 }] });
  });

  test("numericality's checks in ActiveModel's order; a custom message's %{count} and %{value}; odd reads the integer part", () => {
    // Ruby: validates :qty, numericality: { equal_to: 5, less_than: 3, odd: true } and :q2 (here `name`), numericality:
    // { greater_than: 5, message: "must exceed %{count} (got %{value})" } with qty 10, q2 1:
    // {:qty=>["must be equal to 5", "must be less than 3", "must be odd"], :q2=>["must exceed 5 (got 1)"]}; qty 3.5 is odd.
    const Item = itemModel({
      qty: [{ kind: 'numericality', equal_to: 5, less_than: 3, odd: true }],
      name: [{ kind: 'numericality', greater_than: 5, message: 'must exceed %{count} (got %{value})', allow_nil: true }],
    });
    const item = Item.new({ qty: 10 });
    item.name = 1 as never;
    item.valid_p();
    expect(item.errors.to_hash()).toEqual({ qty: ['must be equal to 5', 'must be less than 3', 'must be odd'], name: ['must exceed 5 (got 1)'] });
    expect(item.errors.details().qty).toEqual([{ error: 'equal_to', value: 10, count: 5 }, { error: 'less_than', value: 10, count: 3 }, { error: 'odd', value: 10 }]);
    const fraction = Item.new({ qty: 3.5 });
    fraction.valid_p();
    expect(fraction.errors.to_hash().qty).toEqual(['must be equal to 5', 'must be less than 3']); // 3.5.to_i is odd
  });

  test('save fills details; the _bang error carries them (RecordInvalidError.errorDetails), and they cross the wire in its details', async () => {
    const { Item } = models();
    const item = Item.new({ name: 'Lamp', email: 'nope', kind: 'a', code: 'xy' });
    expect(await item.save()).toBe(false);
    expect(item.errors.details()).toEqual({ email: [{ error: 'invalid', value: 'nope' }] });
    const error = await Item.create_bang({ name: '', email: 'a@b', kind: 'a', code: 'xy' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordInvalidError);
    const invalid = error as RecordInvalidError;
    expect(invalid.errorDetails).toEqual({ name: [{ error: 'blank' }, { error: 'too_short', count: 3 }] });
    expect(RecordInvalidError.fromDetails(JSON.parse(JSON.stringify(invalid.details)))?.errorDetails).toEqual(invalid.errorDetails);
    // A server that sends messages only (or details that do not fit them): each message is its own type.
    const { errorDetails: _dropped, ...messagesOnly } = invalid.details;
    expect(RecordInvalidError.fromDetails(messagesOnly)?.errorDetails).toEqual({ name: [{ error: "can't be blank" }, { error: 'is too short (minimum is 3 characters)' }] });
    expect(RecordInvalidError.fromDetails({ ...invalid.details, errorDetails: { name: [{ error: 'blank' }] } })?.errorDetails.name).toHaveLength(2);
  });
});
