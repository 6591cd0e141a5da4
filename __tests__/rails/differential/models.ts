/**
 * The differential test's TypeScript side: the schema, models and seed rows of models.rb, as zero-record's ActiveRecord
 * flavour over a local Zero (in-memory, no server; made as __tests__/support/zero.ts makes its own, for this schema).
 */
import { Zero, boolean, createSchema, number, relationships, string, table } from '@rocicorp/zero';
import { ActiveRecord, defineModel, recordMutators, type Dependent, type ModelDefinition, type Validations } from '../../../runtime/index.ts';

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

// Associations (scenarios "as.*"): clients -< jobs -< tasks, clients -- profiles, jobs >-< tags through taggings,
// jobs -< notes (a required belongs_to on a NOT NULL key), owners -< gadgets (belongs_to touch: true); CountedJob counts
// its jobs in clients.jobs_count and owners.jobs_count (owners -< jobs).
const clients = table('clients').columns({ id: string(), name: string(), jobs_count: number().optional() }).primaryKey('id');
const jobs = table('jobs')
  .columns({ id: string(), title: string(), status: string().optional(), priority: number().optional(), client_id: string().optional(), owner_id: string().optional() })
  .primaryKey('id');
const tasks = table('tasks')
  .columns({ id: string(), title: string(), job_id: string().optional(), position: number().optional(), done: boolean().optional() })
  .primaryKey('id');
const profiles = table('profiles').columns({ id: string(), bio: string().optional(), client_id: string().optional() }).primaryKey('id');
const tags = table('tags').columns({ id: string(), name: string() }).primaryKey('id');
const taggings = table('taggings').columns({ id: string(), job_id: string().optional(), tag_id: string().optional() }).primaryKey('id');
const notes = table('notes').columns({ id: string(), body: string().optional(), job_id: string() }).primaryKey('id');
// Rails' datetime updated_at; Zero's timestamps are epoch milliseconds.
const owners = table('owners').columns({ id: string(), name: string().optional(), updated_at: number().optional(), jobs_count: number().optional() }).primaryKey('id');
const gadgets = table('gadgets').columns({ id: string(), name: string().optional(), owner_id: string().optional() }).primaryKey('id');
// Single-table inheritance (scenarios "as.sti.*"): Member, Manager < Member, Director < Manager.
const members = table('members')
  .columns({ id: string(), type: string().optional(), name: string().optional(), client_id: string().optional(), active: boolean().optional() })
  .primaryKey('id');

// Rails' associations as Zero relationships: belongs_to / has_one are `one`, has_many `many`, :through two hops.
const clientRelationships = relationships(clients, ({ one, many }) => ({
  jobs: many({ sourceField: ['id'], destField: ['client_id'], destSchema: jobs }),
  counted_jobs: many({ sourceField: ['id'], destField: ['client_id'], destSchema: jobs }),
  profile: one({ sourceField: ['id'], destField: ['client_id'], destSchema: profiles }),
  tasks: many({ sourceField: ['id'], destField: ['client_id'], destSchema: jobs }, { sourceField: ['id'], destField: ['job_id'], destSchema: tasks }),
  members: many({ sourceField: ['id'], destField: ['client_id'], destSchema: members }),
  managers: many({ sourceField: ['id'], destField: ['client_id'], destSchema: members }),
}));
const jobRelationships = relationships(jobs, ({ one, many }) => ({
  client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }),
  owner: one({ sourceField: ['owner_id'], destField: ['id'], destSchema: owners }),
  tasks: many({ sourceField: ['id'], destField: ['job_id'], destSchema: tasks }),
  taggings: many({ sourceField: ['id'], destField: ['job_id'], destSchema: taggings }),
  tags: many({ sourceField: ['id'], destField: ['job_id'], destSchema: taggings }, { sourceField: ['tag_id'], destField: ['id'], destSchema: tags }),
  notes: many({ sourceField: ['id'], destField: ['job_id'], destSchema: notes }),
}));
const taskRelationships = relationships(tasks, ({ one }) => ({
  job: one({ sourceField: ['job_id'], destField: ['id'], destSchema: jobs }),
  client: one({ sourceField: ['job_id'], destField: ['id'], destSchema: jobs }, { sourceField: ['client_id'], destField: ['id'], destSchema: clients }),
}));
const profileRelationships = relationships(profiles, ({ one }) => ({ client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }) }));
const tagRelationships = relationships(tags, ({ many }) => ({
  taggings: many({ sourceField: ['id'], destField: ['tag_id'], destSchema: taggings }),
  jobs: many({ sourceField: ['id'], destField: ['tag_id'], destSchema: taggings }, { sourceField: ['job_id'], destField: ['id'], destSchema: jobs }),
}));
const taggingRelationships = relationships(taggings, ({ one }) => ({
  job: one({ sourceField: ['job_id'], destField: ['id'], destSchema: jobs }),
  tag: one({ sourceField: ['tag_id'], destField: ['id'], destSchema: tags }),
}));
const noteRelationships = relationships(notes, ({ one }) => ({ job: one({ sourceField: ['job_id'], destField: ['id'], destSchema: jobs }) }));
const ownerRelationships = relationships(owners, ({ many }) => ({ gadgets: many({ sourceField: ['id'], destField: ['owner_id'], destSchema: gadgets }) }));
const gadgetRelationships = relationships(gadgets, ({ one }) => ({ owner: one({ sourceField: ['owner_id'], destField: ['id'], destSchema: owners }) }));
const memberRelationships = relationships(members, ({ one }) => ({ client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }) }));

export const schema = createSchema({
  tables: [items, people, posts, clients, jobs, tasks, profiles, tags, taggings, notes, owners, gadgets, members],
  relationships: [
    clientRelationships,
    jobRelationships,
    taskRelationships,
    profileRelationships,
    tagRelationships,
    taggingRelationships,
    noteRelationships,
    ownerRelationships,
    gadgetRelationships,
    memberRelationships,
  ],
});
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

/**
 * models.rb's association models, as the generator writes them from the Rails models (docs/generator.md): a required
 * belongs_to is a presence validation of its key with the message 'must exist'; `dependent:` is `dependents`, `touch:`
 * is `touches`, `counter_cache:` is `counterCaches`.
 */
function associationModels(zero: Zero<DifferentialSchema>) {
  const clientConfig = defineModel({
    schema,
    table: 'clients',
    zero,
    className: 'Client',
    relationships: { jobs: (): ModelDefinition => jobConfig, profile: (): ModelDefinition => profileConfig, tasks: (): ModelDefinition => taskConfig },
    defaults: { jobs_count: 0 },
  });
  const jobConfig = defineModel({
    schema,
    table: 'jobs',
    zero,
    className: 'Job',
    scopes: { active: (r) => r.where({ status: 'active' }), by_priority: (r) => r.order({ priority: 'asc' }) },
    relationships: {
      client: (): ModelDefinition => clientConfig,
      tasks: (): ModelDefinition => taskConfig,
      taggings: (): ModelDefinition => taggingConfig,
      tags: (): ModelDefinition => tagConfig,
      notes: (): ModelDefinition => noteConfig,
    },
    dependents: { tasks: 'destroy', taggings: 'delete_all' },
    validations: { title: [{ kind: 'presence' }] },
  });
  const taskConfig = defineModel({
    schema,
    table: 'tasks',
    zero,
    className: 'Task',
    scopes: { done: (r) => r.where({ done: true }), pending: (r) => r.where({ done: false }) },
    relationships: { job: (): ModelDefinition => jobConfig, client: (): ModelDefinition => clientConfig },
    validations: { job_id: [{ kind: 'presence', message: 'must exist', attribute: 'job' }], title: [{ kind: 'presence' }] },
  });
  const profileConfig = defineModel({ schema, table: 'profiles', zero, className: 'Profile', relationships: { client: (): ModelDefinition => clientConfig }, validations: { client_id: [{ kind: 'presence', message: 'must exist', attribute: 'client' }] } });
  const tagConfig = defineModel({ schema, table: 'tags', zero, className: 'Tag', relationships: { taggings: (): ModelDefinition => taggingConfig, jobs: (): ModelDefinition => jobConfig } });
  const taggingConfig = defineModel({
    schema,
    table: 'taggings',
    zero,
    className: 'Tagging',
    relationships: { job: (): ModelDefinition => jobConfig, tag: (): ModelDefinition => tagConfig },
    validations: { job_id: [{ kind: 'presence', message: 'must exist', attribute: 'job' }], tag_id: [{ kind: 'presence', message: 'must exist', attribute: 'tag' }] },
  });
  const noteConfig = defineModel({ schema, table: 'notes', zero, className: 'Note', relationships: { job: (): ModelDefinition => jobConfig }, validations: { job_id: [{ kind: 'presence', message: 'must exist', attribute: 'job' }] } });
  const ownerConfig = defineModel({ schema, table: 'owners', zero, className: 'Owner', relationships: { gadgets: (): ModelDefinition => gadgetConfig }, defaults: { jobs_count: 0 } });
  const gadgetConfig = defineModel({ schema, table: 'gadgets', zero, className: 'Gadget', relationships: { owner: (): ModelDefinition => ownerConfig }, touches: { owner: true } });
  const countedJobConfig = defineModel({
    schema,
    table: 'jobs',
    zero,
    className: 'CountedJob',
    relationships: { client: (): ModelDefinition => clientConfig, owner: (): ModelDefinition => ownerConfig },
    counterCaches: { client: 'jobs_count', owner: 'jobs_count' },
  });
  const clientDSConfig = defineModel({ schema, table: 'clients', zero, className: 'ClientDS', defaultScope: (r) => r.not({ name: 'Initech' }) });
  const jobDSConfig = defineModel({ schema, table: 'jobs', zero, className: 'JobDS', relationships: { client: (): ModelDefinition => clientDSConfig } });
  // models.rb's Member (every row) and its STI subclasses, as the generator writes them (the subclass's `inheritance`).
  const memberModel = (className: string, types?: string[]) =>
    defineModel({
      schema,
      table: 'members',
      zero,
      className,
      scopes: { active: (r) => r.where({ active: true }) },
      relationships: { client: (): ModelDefinition => clientConfig },
      ...(types && { inheritance: { column: 'type', types } }),
    });
  const managerConfig = memberModel('Manager', ['Manager', 'Director']);
  const memberConfig = memberModel('Member');
  const clientSTIConfig = defineModel({
    schema,
    table: 'clients',
    zero,
    className: 'ClientSTI',
    relationships: { members: (): ModelDefinition => memberConfig, managers: (): ModelDefinition => managerConfig },
    defaults: { jobs_count: 0 },
  });
  /** models.rb's client_model: a client whose `jobs` (or `profile`) has the `dependent:` given. */
  const clientWith = (className: string, relationship: 'jobs' | 'profile', dependent: Dependent) =>
    ActiveRecord.createModel(
      defineModel({
        schema,
        table: 'clients',
        zero,
        className,
        relationships: relationship === 'jobs' ? { jobs: (): ModelDefinition => jobConfig } : { profile: (): ModelDefinition => profileConfig },
        dependents: { [relationship]: dependent },
        defaults: { jobs_count: 0 },
      }),
    );
  /** models.rb's client_model of a has_many of CountedJobs, named `relationship`, with the `dependent:` given if any. */
  const countingClient = (className: string, relationship: 'jobs' | 'counted_jobs', dependent?: Dependent) =>
    ActiveRecord.createModel(
      defineModel({
        schema,
        table: 'clients',
        zero,
        className,
        relationships: { [relationship]: (): ModelDefinition => countedJobConfig },
        dependents: dependent ? { [relationship]: dependent } : {},
        defaults: { jobs_count: 0 },
      }),
    );
  return {
    Client: ActiveRecord.createModel(clientConfig),
    Job: ActiveRecord.createModel(jobConfig),
    Task: ActiveRecord.createModel(taskConfig),
    Profile: ActiveRecord.createModel(profileConfig),
    Tag: ActiveRecord.createModel(tagConfig),
    Tagging: ActiveRecord.createModel(taggingConfig),
    Note: ActiveRecord.createModel(noteConfig),
    Owner: ActiveRecord.createModel(ownerConfig),
    Gadget: ActiveRecord.createModel(gadgetConfig),
    CountedJob: ActiveRecord.createModel(countedJobConfig),
    ClientDS: ActiveRecord.createModel(clientDSConfig),
    JobDS: ActiveRecord.createModel(jobDSConfig),
    Member: ActiveRecord.createModel(memberConfig),
    Manager: ActiveRecord.createModel(managerConfig),
    Director: ActiveRecord.createModel(memberModel('Director', ['Director'])),
    ClientSTI: ActiveRecord.createModel(clientSTIConfig),
    ClientD: clientWith('ClientD', 'jobs', 'destroy'),
    ClientDA: clientWith('ClientDA', 'jobs', 'delete_all'),
    ClientN: clientWith('ClientN', 'jobs', 'nullify'),
    ClientRE: clientWith('ClientRE', 'jobs', 'restrict_with_error'),
    ClientRX: clientWith('ClientRX', 'jobs', 'restrict_with_exception'),
    ClientPD: clientWith('ClientPD', 'profile', 'destroy'),
    ClientPN: clientWith('ClientPN', 'profile', 'nullify'),
    ClientPR: clientWith('ClientPR', 'profile', 'restrict_with_error'),
    ClientCC: countingClient('ClientCC', 'jobs'),
    ClientCCDA: countingClient('ClientCCDA', 'jobs', 'delete_all'),
    ClientCCD: countingClient('ClientCCD', 'jobs', 'destroy'),
    ClientCCO: countingClient('ClientCCO', 'counted_jobs'),
  };
}

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
  return { Item, Post, PostS, ...person, ...associationModels(zero) };
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

/** models.rb's OLD: owners.updated_at before each scenario (a touch makes it later). */
export const OLD = 1;

const CLIENTS = [
  { id: 'c1', name: 'Acme', jobs_count: 2 },
  { id: 'c2', name: 'Globex', jobs_count: 1 },
  { id: 'c3', name: 'Initech', jobs_count: 0 },
];
const JOBS = [
  { id: 'j1', title: 'Paint', status: 'active', priority: 2, client_id: 'c1', owner_id: 'o1' },
  { id: 'j2', title: 'Wire', status: 'done', priority: 1, client_id: 'c1', owner_id: 'o1' },
  { id: 'j3', title: 'Tile', status: 'active', priority: 3, client_id: 'c2', owner_id: 'o1' },
  { id: 'j4', title: 'Roof', status: 'draft', priority: null, client_id: null, owner_id: null },
];
const TASKS = [
  { id: 't1', title: 'Primer', job_id: 'j1', position: 1, done: false },
  { id: 't2', title: 'Coat', job_id: 'j1', position: 2, done: true },
  { id: 't3', title: 'Cable', job_id: 'j2', position: 1, done: false },
  { id: 't4', title: 'Grout', job_id: 'j3', position: 1, done: true },
  { id: 't5', title: 'Shingle', job_id: 'j4', position: 1, done: false },
];
const PROFILES = [{ id: 'pr1', bio: 'Big', client_id: 'c1' }, { id: 'pr2', bio: 'Mid', client_id: 'c2' }];
const TAGS = [{ id: 'g1', name: 'urgent' }, { id: 'g2', name: 'outdoor' }, { id: 'g3', name: 'unused' }];
const TAGGINGS = [{ id: 'tg1', job_id: 'j1', tag_id: 'g1' }, { id: 'tg2', job_id: 'j1', tag_id: 'g2' }, { id: 'tg3', job_id: 'j3', tag_id: 'g2' }];
const NOTES = [{ id: 'n1', body: 'hi', job_id: 'j1' }];
const OWNERS = [{ id: 'o1', name: 'Ada', jobs_count: 3 }, { id: 'o2', name: 'Bob', jobs_count: 0 }];
const GADGETS = [{ id: 'gd1', name: 'Lamp', owner_id: 'o1' }];
const MEMBERS = [
  { id: 'm1', type: null, name: 'Mia', client_id: 'c1', active: true },
  { id: 'm2', type: 'Manager', name: 'Max', client_id: 'c1', active: true },
  { id: 'm3', type: 'Director', name: 'Dee', client_id: 'c2', active: true },
  { id: 'm4', type: 'Manager', name: 'Mo', client_id: 'c2', active: false },
  { id: 'm5', type: null, name: 'Nia', client_id: 'c3', active: false },
];

/**
 * models.rb's `reset`: the seed rows, written through the runtime's own creates. The association tables' rows only for
 * the scenarios that read them (`associations`: the "as.*" ones); no other scenario reads those tables.
 */
export async function seed({ Item, Post, Client, Job, Task, Profile, Tag, Tagging, Note, Owner, Gadget, Member }: Models, associations: boolean): Promise<void> {
  for (const row of ITEMS) await Item.create_bang(row);
  for (const row of POSTS) await Post.create_bang(row);
  if (!associations) return;
  await Client.create_bang(CLIENTS);
  await Job.create_bang(JOBS);
  await Task.create_bang(TASKS);
  await Profile.create_bang(PROFILES);
  await Tag.create_bang(TAGS);
  await Tagging.create_bang(TAGGINGS);
  await Note.create_bang(NOTES);
  await Owner.create_bang(OWNERS);
  await Gadget.create_bang(GADGETS);
  await Member.create_bang(MEMBERS);
  await Owner.update_all({ updated_at: OLD });
}
