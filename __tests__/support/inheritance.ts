/**
 * Rails' single-table inheritance over a local Zero, for the runtime and reactive tests: `users` with a `type` column,
 * User (the base class: every row), Admin < User and SuperAdmin < Admin (the config's `inheritance`), groups that have
 * users and admins, posts that belong to a user and to an admin (the same key).
 */
import { Zero, boolean, createSchema, relationships, string, table } from '@rocicorp/zero';
import { defineModel, defineRelationQueries, recordMutators, type ModelDefinition, type Relation } from '../../runtime/index.ts';

const groups = table('groups').columns({ id: string(), name: string() }).primaryKey('id');
const users = table('users')
  .columns({ id: string(), type: string().optional(), name: string().optional(), group_id: string().optional(), active: boolean().optional() })
  .primaryKey('id');
const posts = table('posts').columns({ id: string(), title: string(), user_id: string().optional() }).primaryKey('id');

export const stiSchema = createSchema({
  tables: [groups, users, posts],
  relationships: [
    relationships(groups, ({ many }) => ({
      users: many({ sourceField: ['id'], destField: ['group_id'], destSchema: users }),
      admins: many({ sourceField: ['id'], destField: ['group_id'], destSchema: users }),
    })),
    relationships(users, ({ one, many }) => ({
      group: one({ sourceField: ['group_id'], destField: ['id'], destSchema: groups }),
      posts: many({ sourceField: ['id'], destField: ['user_id'], destSchema: posts }),
    })),
    relationships(posts, ({ one }) => ({
      user: one({ sourceField: ['user_id'], destField: ['id'], destSchema: users }),
      admin: one({ sourceField: ['user_id'], destField: ['id'], destSchema: users }),
    })),
  ],
});

const queries = defineRelationQueries(stiSchema, { group: 'groups', user: 'users', admin: 'users', superAdmin: 'users', post: 'posts' });

let created = 0;

/** A fresh local Zero over the STI schema (its own storage key: Zero's in-memory store is shared by key). */
export function stiZero(): Zero<typeof stiSchema> {
  return new Zero({ userID: 'sti', storageKey: `sti-${process.pid}-${++created}`, cacheURL: null, kvStore: 'mem', schema: stiSchema, mutators: recordMutators, logLevel: 'error' });
}

/** The models' configs on `zero`; with `named`, each reads through its named relation query. */
export function stiConfigs(zero: () => Zero<typeof stiSchema> | undefined, named = false) {
  const common = { schema: stiSchema, zero, table: 'users', scopes: { active: (r: Relation) => r.where({ active: true }) } } as const;
  const userRelationships = { group: (): ModelDefinition => groupConfig, posts: (): ModelDefinition => postConfig };
  const groupConfig = defineModel({
    schema: stiSchema,
    table: 'groups',
    zero,
    query: named ? queries.group.relation : undefined,
    relationships: { users: (): ModelDefinition => userConfig, admins: (): ModelDefinition => adminConfig },
  });
  const userConfig = defineModel({ ...common, className: 'User', query: named ? queries.user.relation : undefined, relationships: userRelationships });
  const adminConfig = defineModel({
    ...common,
    className: 'Admin',
    query: named ? queries.admin.relation : undefined,
    inheritance: { column: 'type', types: ['Admin', 'SuperAdmin'] },
    relationships: userRelationships,
  });
  const superAdminConfig = defineModel({
    ...common,
    className: 'SuperAdmin',
    query: named ? queries.superAdmin.relation : undefined,
    inheritance: { types: ['SuperAdmin'] },
    relationships: userRelationships,
  });
  const postConfig = defineModel({
    schema: stiSchema,
    table: 'posts',
    zero,
    query: named ? queries.post.relation : undefined,
    relationships: { user: (): ModelDefinition => userConfig, admin: (): ModelDefinition => adminConfig },
  });
  return { groupConfig, userConfig, adminConfig, superAdminConfig, postConfig };
}

export const STI_GROUPS = [{ id: 'g1', name: 'One' }, { id: 'g2', name: 'Two' }, { id: 'g3', name: 'Three' }];
/** u1, u2: plain users (type NULL); a1, a2: admins; s1: a super admin. g3 has a plain user only. */
export const STI_USERS = [
  { id: 'a1', type: 'Admin', name: 'Ada', group_id: 'g1', active: true },
  { id: 'a2', type: 'Admin', name: 'Alan', group_id: 'g2', active: false },
  { id: 's1', type: 'SuperAdmin', name: 'Sue', group_id: 'g2', active: true },
  { id: 'u1', type: null, name: 'Uma', group_id: 'g1', active: true },
  { id: 'u2', type: null, name: 'Ugo', group_id: 'g3', active: false },
];
export const STI_POSTS = [{ id: 'p1', title: 'by a user', user_id: 'u1' }, { id: 'p2', title: 'by an admin', user_id: 'a1' }, { id: 'p3', title: 'by a super admin', user_id: 's1' }];
