/**
 * The differential test's TypeScript side: the schema, models and seed rows of models.rb, as zero-record's ActiveRecord
 * flavour over a local Zero (in-memory, no server; made as __tests__/support/zero.ts makes its own, for this schema).
 */
import { Zero, boolean, createSchema, number, string, table } from '@rocicorp/zero';
import { ActiveRecord, defineModel, recordMutators, type Validations } from '../../../runtime/index.ts';

// models.rb's tables; a column Rails may leave NULL is optional. Zero's `number` stands for both integer and float.
const items = table('items')
  .columns({
    id: string(),
    name: string(),
    price: number().optional(),
    qty: number().optional(),
    category: string().optional(),
    code: string().optional(),
    active: boolean().optional(),
    position: number().optional(),
  })
  .primaryKey('id');
const people = table('people')
  .columns({
    id: string(),
    name: string().optional(),
    first_name: string().optional(),
    email: string().optional(),
    age: number().optional(),
    score: number().optional(),
    role: string().optional(),
    code: string().optional(),
    client_id: string().optional(),
    flag: boolean().optional(),
  })
  .primaryKey('id');
const posts = table('posts')
  .columns({ id: string(), title: string().optional(), status: string().optional(), kind: number().optional() })
  .primaryKey('id');

export const schema = createSchema({ tables: [items, people, posts] });
export type DifferentialSchema = typeof schema;

let created = 0;

/** A fresh local Zero per scenario: its own storage key, since Zero's in-memory store is shared by clients with the same one. */
export function localZero(): Zero<DifferentialSchema> {
  return new Zero({ userID: 'differential', storageKey: `differential-${process.pid}-${++created}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
}

/** models.rb's person models: each its validations on `people` (its name is the class name messages use). */
const personValidations = {
  VPresence: { name: [{ kind: 'presence' }] },
  VLength: { name: [{ kind: 'length', minimum: 3, maximum: 10 }] },
  VLenIs: { code: [{ kind: 'length', is: 4 }] },
  VLenMax1: { code: [{ kind: 'length', maximum: 1 }] },
  VLenMsg: { name: [{ kind: 'length', maximum: 3, message: 'max %{count} chars, got %{value}' }] },
  VAttrMsg: { name: [{ kind: 'presence', message: '%{attribute} needed for %{model}' }] },
  VNum: { age: [{ kind: 'numericality' }] },
  VNumNil: { age: [{ kind: 'numericality', allow_nil: true }] },
  VInt: { age: [{ kind: 'numericality', only_integer: true }] },
  VRange: { age: [{ kind: 'numericality', greater_than: 0, less_than_or_equal_to: 100 }] },
  VOdd: { age: [{ kind: 'numericality', odd: true }] },
  VEven: { age: [{ kind: 'numericality', even: true }] },
  VEq: { age: [{ kind: 'numericality', equal_to: 5 }] },
  VOther: { age: [{ kind: 'numericality', other_than: 5 }] },
  VFloatBound: { score: [{ kind: 'numericality', greater_than: 1.5 }] },
  VNumMsg: { age: [{ kind: 'numericality', greater_than: 0, message: 'must be positive' }] },
  VGte: { score: [{ kind: 'numericality', greater_than_or_equal_to: 2, less_than: 10 }] },
  VIncl: { role: [{ kind: 'inclusion', in: ['admin', 'user'] }] },
  VInclNil: { role: [{ kind: 'inclusion', in: ['admin', 'user'], allow_nil: true }] },
  VExcl: { role: [{ kind: 'exclusion', in: ['root', 'admin'] }] },
  // Rails' /\A[a-z]+\z/: JavaScript's ^ and $ without the m flag are whole-string anchors too.
  VFormat: { code: [{ kind: 'format', with: '^[a-z]+$' }] },
  VFormatWithout: { code: [{ kind: 'format', with: '\\d', without: true }] },
  VAbsence: { name: [{ kind: 'absence' }] },
  VBlank: { name: [{ kind: 'length', minimum: 3, allow_blank: true }] },
  VNilOnly: { name: [{ kind: 'length', minimum: 3, allow_nil: true }] },
  VMulti: { name: [{ kind: 'presence' }, { kind: 'length', minimum: 3 }], age: [{ kind: 'numericality', only_integer: true, greater_than: 17 }] },
  VHuman: { first_name: [{ kind: 'presence' }], client_id: [{ kind: 'presence' }] },
  VFlag: { flag: [{ kind: 'presence' }] },
  VFlagIncl: { flag: [{ kind: 'inclusion', in: [true, false] }] },
  VAgePresence: { age: [{ kind: 'presence' }] },
  VInclInt: { age: [{ kind: 'inclusion', in: [1, 2] }] },
  VLenNum: { age: [{ kind: 'length', maximum: 2 }] },
  VScoreInt: { score: [{ kind: 'numericality', only_integer: true }] },
} satisfies Record<string, Validations>;

export type PersonName = keyof typeof personValidations;

function personModel(zero: Zero<DifferentialSchema>, className: PersonName) {
  return ActiveRecord.createModel(defineModel({ schema, table: 'people', zero, className, validations: personValidations[className] }));
}
export type PersonModel = ReturnType<typeof personModel>;

/** Every model of models.rb, on `zero`. */
export function makeModels(zero: Zero<DifferentialSchema>) {
  const Item = ActiveRecord.createModel(defineModel({ schema, table: 'items', zero, className: 'Item' }));
  const Post = ActiveRecord.createModel(
    defineModel({
      schema,
      table: 'posts',
      zero,
      className: 'Post',
      enums: { status: { values: { draft: 'draft', published: 'published', archived: 'archived' } }, kind: { values: { short: 0, long: 1 }, prefix: 'kind' } },
    }),
  );
  const PostS = ActiveRecord.createModel(
    defineModel({ schema, table: 'posts', zero, className: 'PostS', enums: { status: { values: { draft: 'draft', published: 'published' }, suffix: 'status' } } }),
  );
  const person = {} as Record<PersonName, PersonModel>; // filled just below, one per name
  for (const name of Object.keys(personValidations) as PersonName[]) person[name] = personModel(zero, name);
  return { Item, Post, PostS, ...person };
}
export type Models = ReturnType<typeof makeModels>;

const ITEMS = [
  { id: 'i1', name: 'Apple', price: 1.5, qty: 10, category: 'fruit', code: 'A1', active: true, position: 3 },
  { id: 'i2', name: 'banana', price: 0.5, qty: 20, category: 'fruit', code: null, active: false, position: 1 },
  { id: 'i3', name: 'Carrot', price: 2.0, qty: null, category: 'veg', code: 'C3', active: true, position: 2 },
  { id: 'i4', name: 'Donut', price: null, qty: 5, category: null, code: 'D4', active: null, position: 5 },
  { id: 'i5', name: 'Eggs', price: 3.0, qty: 12, category: 'dairy', code: 'E5', active: true, position: 4 },
  { id: 'i6', name: 'Fig', price: 4.0, qty: 1, category: 'fruit', code: 'F6', active: false, position: 6 },
];
const POSTS = [
  { id: 'p1', title: 'One', status: 'draft', kind: 0 },
  { id: 'p2', title: 'Two', status: 'published', kind: 1 },
  { id: 'p3', title: 'Three', status: null, kind: null },
  { id: 'p4', title: 'Four', status: 'archived', kind: 1 },
];

/** models.rb's `reset`: the seed rows, written through the runtime's own creates. */
export async function seed({ Item, Post }: Models): Promise<void> {
  for (const row of ITEMS) await Item.create_bang(row);
  for (const row of POSTS) await Post.create_bang(row);
}
