/**
 * Rails' single-table inheritance (the config's `inheritance`), ActiveRecord flavour (the reactive one:
 * __tests__/reactive/inheritance.svelte.test.ts), in both read modes, on a real local Zero: every relation of a subclass
 * model reads only its types' rows (finders, scopes, calculations, bulk writes, association readers, includes, joins
 * and where_missing of it), `unscoped()` keeps that and `unscope('where')` drops it, and records made through it take
 * its type. Expected answers are ActiveRecord 6.1's (measured with the same rows; differential tier, 'as.sti.*').
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ActiveRecord, ConfigError, RecordNotFoundError, SubclassNotFoundError, defineModel } from '../../runtime/index.ts';
import { STI_GROUPS, STI_POSTS, STI_USERS, stiConfigs, stiSchema, stiZero } from '../support/inheritance.ts';
import { READ_MODES } from './fixtures.ts';

type Z = ReturnType<typeof stiZero>;

function models(z: Z, named: boolean) {
  const c = stiConfigs(() => z, named);
  return {
    Group: ActiveRecord.createModel(c.groupConfig),
    User: ActiveRecord.createModel(c.userConfig),
    Admin: ActiveRecord.createModel(c.adminConfig),
    SuperAdmin: ActiveRecord.createModel(c.superAdminConfig),
    Post: ActiveRecord.createModel(c.postConfig),
  };
}

const ids = (relation: { order(c: string): { pluck(c: string): Promise<unknown[]> } }) => relation.order('id').pluck('id');

describe.each(READ_MODES)('%s', (mode) => {
  let z: Z;
  let m: ReturnType<typeof models>;
  beforeEach(async () => {
    z = stiZero();
    m = models(z, mode === 'named queries');
    await m.Group.create_bang(STI_GROUPS);
    await m.User.create_bang(STI_USERS);
    await m.Post.create_bang(STI_POSTS);
  });
  afterEach(() => z.close());

  test("a subclass reads its own and its descendants' rows; the base class reads every row", async () => {
    expect(await ids(m.Admin.all())).toEqual(['a1', 'a2', 's1']);
    expect(await ids(m.SuperAdmin.all())).toEqual(['s1']);
    expect(await ids(m.User.all())).toEqual(['a1', 'a2', 's1', 'u1', 'u2']);
    expect(await ids(m.Admin.where({ group_id: 'g1' }))).toEqual(['a1']);
    expect(await ids((m.Admin as unknown as { active(): typeof m.Admin }).active())).toEqual(['a1', 's1']);
    expect(await m.Admin.count()).toBe(3);
    expect(await m.Admin.where({ type: 'User' }).count()).toBe(0);
  });

  test('finders: a row of another type is not found', async () => {
    await expect(m.Admin.find('u1')).rejects.toThrow(new RecordNotFoundError(`Couldn't find Admin with 'id'="u1"`, { model: 'Admin', primaryKey: 'id', id: 'u1' }));
    await expect(m.SuperAdmin.find('a1')).rejects.toThrow(RecordNotFoundError);
    expect((await m.Admin.find('s1')).type).toBe('SuperAdmin');
    expect(await m.Admin.find_by({ name: 'Uma' })).toBeNull();
    expect(await m.Admin.exists_p('u1')).toBe(false);
    expect((await m.Admin.first())?.id).toBe('a1');
  });

  test("unscoped() keeps the type condition (Rails' is not a default scope); unscope and rewhere remove it", async () => {
    expect(await ids(m.Admin.unscoped())).toEqual(['a1', 'a2', 's1']);
    expect(await ids(m.Admin.unscope('where'))).toEqual(['a1', 'a2', 's1', 'u1', 'u2']);
    expect(await ids(m.Admin.unscope({ where: 'type' }))).toEqual(['a1', 'a2', 's1', 'u1', 'u2']);
    expect(await ids(m.Admin.rewhere({ type: 'SuperAdmin' }))).toEqual(['s1']);
  });

  test("bulk writes reach only the subclass's rows", async () => {
    expect(await m.Admin.update_all({ active: true })).toBe(3);
    expect(await m.User.where({ active: true }).order('id').pluck('id')).toEqual(['a1', 'a2', 's1', 'u1']);
    expect(await m.SuperAdmin.delete_all()).toBe(1);
    expect(await m.Admin.delete('u1')).toBe(0);
    expect(await ids(m.User.all())).toEqual(['a1', 'a2', 'u1', 'u2']);
    // Rails 7.1+'s upsert writes the subclass's type unless given (6.1 wrote none).
    await m.SuperAdmin.upsert({ id: 's2', name: 'Sid' });
    await m.Admin.upsert({ id: 'u3', name: 'Una', type: null });
    expect(await m.User.where({ id: ['s2', 'u3'] }).order('id').pluck('id', 'type')).toEqual([['s2', 'SuperAdmin'], ['u3', null]]);
  });

  test('new records take the type; a type of another class raises SubclassNotFound, a descendant\'s is kept', async () => {
    expect(m.Admin.new().type).toBe('Admin');
    expect(m.SuperAdmin.new().type).toBe('SuperAdmin');
    expect(m.User.new().type).toBeNull();
    expect(m.Admin.unscoped().new().type).toBe('Admin');
    expect(m.Admin.new({ type: 'SuperAdmin' }).type).toBe('SuperAdmin');
    expect(m.Admin.create_with({ type: 'SuperAdmin' }).new().type).toBe('SuperAdmin');
    expect(m.Admin.new({ type: null }).type).toBeNull();
    expect(() => m.Admin.new({ type: 'User' })).toThrow(new SubclassNotFoundError('Invalid single-table inheritance type: User is not a subclass of Admin'));
    expect(() => m.Admin.where({ type: 'User' }).new()).toThrow(SubclassNotFoundError);
    expect(() => m.SuperAdmin.new({ type: 'Admin' })).toThrow(new SubclassNotFoundError('Invalid single-table inheritance type: Admin is not a subclass of SuperAdmin'));
    const created = await m.Admin.create_bang({ id: 'a9', name: 'New' });
    expect(created.type).toBe('Admin');
    expect(await ids(m.Admin.all())).toEqual(['a1', 'a2', 'a9', 's1']);
    // Uma is a plain user: Admin's find_or_create_by finds none, and creates an admin named Uma.
    expect((await m.Admin.find_or_create_by({ name: 'Uma' })).type).toBe('Admin');
    expect(await m.User.where({ name: 'Uma' }).count()).toBe(2);
  });

  test('association readers, includes, joins and where_missing of a subclass read its rows only', async () => {
    const g1 = await m.Group.find('g1');
    expect(await (g1.admins as unknown as { pluck(c: string): Promise<unknown[]> }).pluck('id')).toEqual(['a1']);
    expect(((await m.Group.includes('admins').find('g2')).admins as unknown as { id: string }[]).map((a) => a.id).sort()).toEqual(['a2', 's1']);
    expect(await ids(m.Group.joins('admins'))).toEqual(['g1', 'g2']);
    expect(await ids(m.Group.where_missing('admins'))).toEqual(['g3']);
    expect(await ids(m.Group.includes('admins').where_missing('admins'))).toEqual(['g3']);
    // Rails' merge of a subclass's relation into the base class's brings its type condition.
    expect(await ids(m.User.where({ group_id: 'g1' }).merge(m.Admin.all()))).toEqual(['a1']);
    expect(await ids(m.Group.where({ admins: { name: 'Uma' } }))).toEqual([]);
    expect(await ids(m.Post.joins('admin'))).toEqual(['p2', 'p3']);
    expect(await (await m.Post.find('p1')).admin).toBeNull();
    expect((await (await m.Post.find('p3')).admin)?.id).toBe('s1');
    const built = (g1.admins as unknown as { 'new'(a: object): { type: unknown; group_id: unknown } }).new({ name: 'x' });
    expect([built.type, built.group_id]).toEqual(['Admin', 'g1']);
  });

  test('with a default scope: unscoped() drops the default scope and keeps the type condition', async () => {
    const c = stiConfigs(() => z, mode === 'named queries');
    const ActiveAdmin = ActiveRecord.createModel(defineModel({ ...c.adminConfig, defaultScope: (r) => r.where({ active: true }) }));
    expect(await ids(ActiveAdmin.all())).toEqual(['a1', 's1']);
    expect(await ids(ActiveAdmin.unscoped())).toEqual(['a1', 'a2', 's1']);
  });
});

test('a config with a bad inheritance is refused, every problem listed', () => {
  const config = { schema: stiSchema, table: 'users', inheritance: { column: 'kind', types: [] } };
  expect(() => defineModel(config as never)).toThrow(ConfigError);
  try {
    defineModel(config as never);
  } catch (error) {
    expect((error as ConfigError).problems).toEqual([
      "inheritance: 'kind' is not a column of the table",
      "inheritance: types must list the model's own type name, then its descendants' (non-empty strings)",
    ]);
  }
  expect(() => defineModel({ schema: stiSchema, table: 'users', inheritance: { column: 'active', types: ['A', 'A'] } } as never)).toThrow(
    /inheritance: column 'active' is not a string column[\s\S]*inheritance: types lists a name twice/,
  );
});
