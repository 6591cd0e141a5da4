/**
 * Rails' single-table inheritance (the config's `inheritance`) in the reactive flavour: live collections, live finds
 * and association readers of a subclass model read its types' rows only, and follow a row whose type changes;
 * `unscoped()` keeps the type condition; new records take the type.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { SubclassNotFoundError } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { STI_GROUPS, STI_POSTS, STI_USERS, stiConfigs, stiZero } from '../support/inheritance.ts';
import { settle, watch } from './effects.svelte.ts';

let z: ReturnType<typeof stiZero> | undefined;
const configs = stiConfigs(() => z);
const Group = ReactiveRecord.createModel(configs.groupConfig);
const User = ReactiveRecord.createModel(configs.userConfig);
const Admin = ReactiveRecord.createModel(configs.adminConfig);
const SuperAdmin = ReactiveRecord.createModel(configs.superAdminConfig);

beforeEach(async () => {
  z = stiZero();
  for (const group of STI_GROUPS) await Group.upsert(group);
  for (const user of STI_USERS) await User.upsert(user);
  for (const post of STI_POSTS) await ReactiveRecord.createModel(configs.postConfig).upsert(post);
});
afterEach(async () => {
  await z?.close();
  z = undefined;
});

describe('single-table inheritance, reactive', () => {
  test("a live collection reads the subclass's rows and follows a row whose type changes", async () => {
    const { seen, stop } = watch(() => Admin.order('id').map((a) => a.id));
    expect(seen.at(-1)).toEqual(['a1', 'a2', 's1']);
    await User.update('u1', { type: 'SuperAdmin' });
    flushSync();
    expect(seen.at(-1)).toEqual(['a1', 'a2', 's1', 'u1']);
    await User.update('a2', { type: null });
    flushSync();
    expect(seen.at(-1)).toEqual(['a1', 's1', 'u1']);
    stop();
    await settle();
  });

  test('find reads through it (a plain user is not an Admin); unscoped() keeps it; the base class reads every row', async () => {
    const plain = Admin.find('u1');
    const unscoped = Admin.unscoped().find('u1');
    const superAdmin = SuperAdmin.find('s1');
    const { seen, stop } = watch(() => [plain.$found, unscoped.$found, superAdmin.name, User.all().length]);
    expect(seen.at(-1)).toEqual([false, false, 'Sue', 5]);
    stop();
    await settle();
  });

  test("an association reader reads the subclass's rows", async () => {
    const group = Group.find('g2');
    const { seen, stop } = watch(() => group.admins.map((a) => a.id).sort());
    expect(seen.at(-1)).toEqual(['a2', 's1']);
    stop();
    await settle();
  });

  test('new records take the type; a type of another class raises SubclassNotFound', async () => {
    expect(Admin.new().type).toBe('Admin');
    expect(SuperAdmin.new({ name: 'x' }).type).toBe('SuperAdmin');
    expect(User.new().type).toBeNull();
    expect(() => Admin.new({ type: 'User' })).toThrow(SubclassNotFoundError);
    const created = await Admin.create_bang({ id: 'a9', name: 'New' });
    expect(created.type).toBe('Admin');
    const { seen, stop } = watch(() => Admin.order('id').map((a) => [a.id, a.type]));
    expect(seen.at(-1)).toEqual([['a1', 'Admin'], ['a2', 'Admin'], ['a9', 'Admin'], ['s1', 'SuperAdmin']]);
    stop();
    await settle();
  });
});
