/**
 * Rails' joins and conditions on a joined table (`Job.joins(:client).where(clients: { name: 'Acme' })`), against a real
 * local Zero in both read modes, as EXISTS. Every expected answer is ActiveRecord's for the same rows (the differential
 * tier runs the same relations through ActiveRecord: __tests__/rails/differential, 'as.join.*').
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QueryError } from '../../runtime/index.ts';
import { READ_MODES, seed, setup, type Models } from './fixtures.ts';

/** The ids of a relation's rows, ordered by id. */
const ids = (relation: PromiseLike<readonly { id: string }[]> & { order(c: string): unknown }) =>
  (relation.order('id') as PromiseLike<readonly { id: string }[]>).then((rows) => rows.map((r) => r.id));

describe.each(READ_MODES)('%s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
    // j1: Primer (1), Second coat (2); j3: Primer (2), Final (1).
    await m.Task.create_bang({ id: 't3', job_id: 'j3', title: 'Primer', position: 2 });
    await m.Task.create_bang({ id: 't4', job_id: 'j3', title: 'Final', position: 1 });
  });
  afterAll(() => m.z.close());

  test("joins: the rows that have the associated row (Rails' INNER JOIN), each once", async () => {
    expect(await ids(m.Job.joins('client'))).toEqual(['j1', 'j2', 'j3', 'j5']);
    expect(await ids(m.Job.joins('tasks'))).toEqual(['j1', 'j3']); // Rails repeats j1 and j3 per task; EXISTS does not
    expect(await ids(m.Client.joins({ jobs: 'tasks' }))).toEqual(['c1', 'c2']);
    expect(await m.Job.joins('client', 'tasks').count()).toBe(2);
  });

  test('a where hash on a joined table, by its table name or the relationship name', async () => {
    expect(await ids(m.Job.joins('client').where({ clients: { name: 'Acme' } }))).toEqual(['j1', 'j2']);
    expect(await ids(m.Job.where({ client: { name: 'Globex' } }))).toEqual(['j3', 'j5']);
    expect(await ids(m.Job.where({ client: { name: ['Acme', 'Globex'] }, status: 'active' }))).toEqual(['j1', 'j3']);
    expect(await ids(m.Client.where({ jobs: { tasks: { title: 'Final' } } }))).toEqual(['c2']);
    expect(await m.Job.joins('client').where({ clients: {} }).count()).toBe(0); // Rails 6.1: WHERE (1=0)
  });

  test('conditions on one has_many read the same joined row, however they were chained', async () => {
    // Rails: SELECT jobs.* ... INNER JOIN tasks WHERE tasks.title = 'Primer' AND tasks.position = 1 -> j1 only (j3's Primer is 2nd)
    expect(await ids(m.Job.where({ tasks: { title: 'Primer' } }).where({ tasks: { position: 1 } }))).toEqual(['j1']);
    expect(await ids(m.Job.where({ tasks: { title: 'Primer', position: 1 } }))).toEqual(['j1']);
    expect(await ids(m.Job.joins('tasks').where({ tasks: { title: 'Primer' } }))).toEqual(['j1', 'j3']);
  });

  test('not, invert_where and or negate and combine on the joined row; the join stays required', async () => {
    // NOT (clients.name = 'Acme') under the join: j4 has no client, so it is not there.
    expect(await ids(m.Job.joins('client').not({ clients: { name: 'Acme' } }))).toEqual(['j3', 'j5']);
    // NOT (title = 'Paint' AND clients.name = 'Acme'): j4 passes on its title, yet has no client to join.
    expect(await ids(m.Job.not({ title: 'Paint', client: { name: 'Acme' } }))).toEqual(['j2', 'j3', 'j5']);
    expect(await ids(m.Job.where({ client: { name: 'Acme' } }).invert_where())).toEqual(['j3', 'j5']);
    expect(await ids(m.Job.where({ client: { name: 'Acme' } }).or(m.Job.where({ title: 'Tile' })))).toEqual(['j1', 'j2']);
    expect(await ids(m.Job.where({ tasks: { position: 2 } }).not({ tasks: { title: 'Primer' } }))).toEqual(['j1']);
  });

  test("rewhere and unscope(where:) replace a joined table's condition, as Rails' predicates per column", async () => {
    expect(await ids(m.Job.where({ client: { name: 'Acme' } }).rewhere({ client: { name: 'Globex' } }))).toEqual(['j3', 'j5']);
    expect(await ids(m.Job.where({ tasks: { title: 'Primer', position: 1 } }).rewhere({ tasks: { position: 2 } }))).toEqual(['j3']);
  });

  test("merge of another model's relation: its conditions read the joined row, as Rails' merge puts them on the joined table", async () => {
    // c1: j1 active, j2 done; c2: j3 active (tasks Primer, Final), j5 archived.
    expect(await ids(m.Client.joins('jobs').merge(m.Job.active()))).toEqual(['c1', 'c2']);
    expect(await ids(m.Client.joins('jobs').merge(m.Job.where({ status: 'done' })))).toEqual(['c1']);
    // The join is implied when one relationship reaches the table (Rails needs it written: no such column otherwise).
    expect(await ids(m.Client.merge(m.Job.where({ status: 'archived' })))).toEqual(['c2']);
    expect(await ids(m.Job.joins('client').merge(m.Client.where({ name: 'Acme' })))).toEqual(['j1', 'j2']);
    // Rails: WHERE jobs.status = 'archived' replaces jobs.status = 'done' (one column, one predicate); other columns AND
    // on the one joined row (no job is done with priority 5).
    expect(await ids(m.Client.joins('jobs').where({ jobs: { status: 'done' } }).merge(m.Job.where({ status: 'archived' })))).toEqual(['c2']);
    expect(await ids(m.Client.joins('jobs').merge(m.Job.where({ status: 'done' })).merge(m.Job.where({ priority: 5 })))).toEqual([]);
    // The merged relation's own joins nest under the join; a nested join takes the conditions of its table.
    expect(await ids(m.Client.joins('jobs').merge(m.Job.joins('tasks').where({ tasks: { title: 'Final' } })))).toEqual(['c2']);
    expect(await ids(m.Client.joins({ jobs: 'tasks' }).merge(m.Task.where({ title: 'Primer', position: 1 })))).toEqual(['c1']);
    // Its none, limit and distinct apply here, as Rails merges them.
    expect(await ids(m.Client.joins('jobs').merge(m.Job.none()))).toEqual([]);
    expect(await m.Client.joins('jobs').merge(m.Job.limit(1)).order('id').pluck('id')).toEqual(['c1']);
  });

  test("merge of another model's relation refuses what Zero cannot apply to these rows, saying what to do", () => {
    expect(() => m.Client.joins('jobs').merge(m.Job.order('priority'))).toThrow(
      new QueryError("Client.merge: the merged Job relation has an order (Client rows can be ordered by the columns of a joined belongs_to or has_one, not of a has_many or a nested join, nor by a list): unscope('order'); merge it without (Zero cannot apply it to Client rows)"),
    );
    expect(() => m.Client.joins('jobs').merge(m.Job.includes('tasks'))).toThrow(/^Client\.merge: the merged Job relation has includes: include them here, nested under the relationship/);
    expect(() => m.Client.joins('jobs').merge(m.Job.where_missing('tasks'))).toThrow(/^Client\.merge: the merged Job relation has where_missing/);
    expect(() => m.Client.joins('jobs').merge(m.Job.left_joins('tasks'))).toThrow(/^Client\.merge: the merged Job relation has left_joins/);
    expect(() => m.Job.merge(m.Counter.where({ value: 1 }))).toThrow(
      new QueryError("Job.merge: the merged relation's conditions are on counters, which this relation does not join; no relationship of Job reaches counters"),
    );
  });

  test("pluck and pick of a joined table's columns: one value per joined row, as Rails' SELECT", async () => {
    expect(await m.Job.joins('client').order('id').pluck('title', 'clients.name')).toEqual([['Paint', 'Acme'], ['Wire', 'Acme'], ['Plumb', 'Globex'], ['Roof', 'Globex']]);
    // A LEFT JOIN (left_joins, or includes, which Rails' pluck eager-loads) gives a row without one NULLs.
    expect(await m.Job.left_joins('client').order('id').pluck('clients.name')).toEqual(['Acme', 'Acme', 'Globex', null, 'Globex']);
    expect(await m.Job.includes('client').order('id').pluck('id', 'client.name')).toEqual([['j1', 'Acme'], ['j2', 'Acme'], ['j3', 'Globex'], ['j4', null], ['j5', 'Globex']]);
    // A has_many repeats the row per joined row, and joins only the rows its conditions hold for.
    expect((await m.Job.joins('tasks').pluck('id', 'tasks.title')).map(String).sort()).toEqual(['j1,Primer', 'j1,Second coat', 'j3,Final', 'j3,Primer']);
    expect((await m.Job.where({ tasks: { position: 1 } }).pluck('tasks.title')).sort()).toEqual(['Final', 'Primer']);
    expect(await m.Job.joins('tasks').distinct().pluck('tasks.title')).toHaveLength(3);
    expect(await m.Job.joins('client').order('id').pick('clients.name')).toBe('Acme');
    expect(await m.Job.joins('client').where({ clients: { name: 'Initech' } }).pick('clients.name')).toBeNull();
    await expect(m.Job.pluck('clients.name')).rejects.toThrow(new QueryError("Job.pluck: the relation does not join 'client'; joins('client') first (or left_joins / includes for the rows without one)"));
    await expect(m.Job.joins('client').pluck('clients.nickname')).rejects.toThrow(/^Job\.pluck: unknown column 'nickname' for Client/);
  });

  test("order by a joined row's column (order('clients.name')), sorted on the client after Zero's answer", async () => {
    // Zero's order: NULL (no client: j4, under a LEFT JOIN) first ascending, as for a column of the row itself.
    expect(await m.Job.joins('client').order('clients.name desc', 'id').pluck('id')).toEqual(['j3', 'j5', 'j1', 'j2']);
    expect(await m.Job.left_joins('client').order({ 'clients.name': 'asc' }, { id: 'desc' }).pluck('id')).toEqual(['j4', 'j2', 'j1', 'j5', 'j3']);
    // The limit and offset apply after the sort; first / last read it; merge of the joined model's order is the same.
    expect(await m.Job.joins('client').order('clients.name desc', 'id').offset(1).limit(2).pluck('id')).toEqual(['j5', 'j1']);
    expect((await m.Job.joins('client').order('clients.name', 'id').last())?.id).toBe('j5');
    expect(await m.Job.joins('client').merge(m.Client.order({ name: 'desc' })).order('id').pluck('id')).toEqual(['j3', 'j5', 'j1', 'j2']);
    expect(await m.Job.joins('client').order('clients.name', 'id').reverse_order().pluck('id')).toEqual(['j5', 'j3', 'j2', 'j1']);
    expect(() => m.Job.order('clients.name').spec).toThrow(
      new QueryError("Job.order: 'name' of 'client': the relation does not join 'client'; joins('client') first (or left_joins / includes for the rows without one)"),
    );
    expect(() => m.Client.joins('jobs').order('jobs.title')).toThrow(/^Client\.order: 'jobs\.title' is a has_many's column; ordering by it would repeat each row per jobs row/);
  });

  test("a has_many's rows multiply the rows: pluck and pick take the limit and offset over the joined rows, as Rails' LIMIT", async () => {
    expect(await m.ClientJobs.joins('jobs').order('id').limit(1).pluck('jobs.title')).toEqual(['Paint']);
    expect(await m.ClientJobs.joins('jobs').order('id').offset(1).pick('jobs.title')).toBe('Wire');
    expect(await m.Job.joins('tasks').order('id').limit(3).pluck('id')).toEqual(['j1', 'j3']);
    expect(await m.ClientJobs.none().pluck('jobs.title')).toEqual([]);
  });

  test("merge: the merged conditions on this relation's own table read its rows, as Rails names the table", async () => {
    // Rails: WHERE jobs.status = 'done' is the base table's column, not a job of the client.
    expect(await ids(m.Job.joins('client').merge(m.Client.where({ jobs: { status: 'done' } })))).toEqual(['j2']);
    expect(await ids(m.Job.joins('client').merge(m.Client.joins('jobs').where({ jobs: { status: 'done' } })))).toEqual(['j2']);
  });

  test('a relation Zero cannot say as EXISTS, and names that are not relationships, are refused with what to do', async () => {
    expect(() => m.Job.where({ tasks: { title: 'Primer' } }).or(m.Job.where({ title: 'Plumb' })).where({ tasks: { position: 1 } }).spec).toThrow(
      new QueryError(
        "Job: conditions on 'tasks' (reaching many rows) sit in two branches of an AND, one of them under an OR; Rails reads them on one joined row, which Zero's EXISTS cannot: write them in one branch",
      ),
    );
    expect(() => m.Job.where({ owners: { name: 'x' } })).toThrow(
      new QueryError("Job.where: 'owners' is neither a column nor a relationship of Job (columns: id, title, status, country, priority, client_id, created_at; relationships: client, tasks)"),
    );
    expect(() => m.Job.where({ client: { nickname: 'x' } })).toThrow(/^Job\.where, client: unknown column 'nickname' for Client/);
    expect(() => m.Job.joins('INNER JOIN clients ON clients.id = jobs.client_id')).toThrow(
      new QueryError("Job.joins: Can't join 'Job' to association named 'INNER JOIN clients ON clients.id = jobs.client_id'; perhaps you misspelled it? (joins takes relationship names: Zero runs no SQL) (relationships: client, tasks)"),
    );
    expect(() => m.Job.joins('owner')).toThrow(new QueryError("Job.joins: Can't join 'Job' to association named 'owner'; perhaps you misspelled it? (relationships: client, tasks)"));
    expect(() => m.Job.joins()).toThrow(new QueryError('Job.joins: name at least one relationship'));
  });
});

// Rails' answers for these rows: c3 has a job without tasks, j6 (__tests__/rails/differential 'as.join.nested_not').
describe.each(READ_MODES)('the joins conditions imply, %s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
    await m.Client.create_bang({ id: 'c3', name: 'Initech' });
    await m.Job.create_bang({ id: 'j6', title: 'Paint', client_id: 'c3' });
    await m.Task.create_bang({ id: 't3', job_id: 'j3', title: 'Primer', position: 2 });
  });
  afterAll(() => m.z.close());

  test('are required at every depth, under not and or, without joins written', async () => {
    // joins(jobs: :tasks).where.not(jobs: { title: 'Paint', tasks: { title: 'Primer' } }): c3's job has no task to join.
    expect(await ids(m.Client.not({ jobs: { title: 'Paint', tasks: { title: 'Primer' } } }))).toEqual(['c1', 'c2']);
    expect(await ids(m.Client.where({ jobs: { tasks: { title: 'Primer' } } }).or(m.Client.where({ name: 'Initech' })))).toEqual(['c1', 'c2']);
    // where.not(clients: {}) is NOT (1=0) on the joined row: the jobs that have a client.
    expect(await ids(m.Job.not({ clients: {} }))).toEqual(['j1', 'j2', 'j3', 'j5', 'j6']);
  });

  test("a relation's own joins stay required through or, unscope('where') and invert_where; unscope('joins') drops them", async () => {
    expect(await ids(m.Job.joins('tasks').where({ title: 'Paint' }).or(m.Job.where({ title: 'Tile' })))).toEqual(['j1']);
    expect(await ids(m.Job.joins('client').where({ title: 'Paint' }).unscope('where'))).toEqual(['j1', 'j2', 'j3', 'j5', 'j6']);
    expect(await ids(m.Job.joins('client').unscope('joins').where({ title: 'Tile' }))).toEqual(['j4']);
    const either = m.Job.joins('tasks').where({ title: 'Paint' }).or(m.Job.joins('tasks').where({ title: 'Plumb' }));
    expect(await ids(either)).toEqual(['j1', 'j3']);
    expect(await ids(either.invert_where())).toEqual([]);
  });

  test('an OR of conditions on one has_many is one EXISTS (some task meets one), so it combines with others on that task', async () => {
    // EXISTS task: title = 'Primer' AND NOT (title = 'Primer' AND position = 1): j3's Primer is second.
    expect(await ids(m.Job.where({ tasks: { title: 'Primer' } }).not({ tasks: { title: 'Primer', position: 1 } }))).toEqual(['j3']);
    expect(await ids(m.Job.where({ tasks: { title: 'Primer', position: 1 } }).invert_where().where({ tasks: { title: 'Primer' } }))).toEqual(['j3']);
  });

  test('a has_many under a belongs_to reaches many rows too: conditions split by an OR are refused', () => {
    const split = m.Client.where({ jobs: { tasks: { title: 'Primer' } } }).or(m.Client.where({ name: 'x' })).where({ jobs: { tasks: { position: 1 } } });
    expect(() => split.spec).toThrow(/^Client: conditions on 'jobs' \(reaching many rows\) sit in two branches of an AND/);
    // Through a belongs_to: the job's one client, then that client's many jobs.
    const nested = m.Job.where({ client: { jobs: { title: 'Wire' } } }).or(m.Job.where({ title: 'x' })).where({ client: { jobs: { priority: 3 } } });
    expect(() => nested.spec).toThrow(/^Job: conditions on 'client' \(reaching many rows\)/);
  });

  test("the model's own table name is its own columns (Rails looks there when no relationship has the name)", async () => {
    expect(await ids(m.Job.where({ jobs: { title: 'Paint' } }))).toEqual(['j1', 'j6']);
  });

  test('an undefined in a list is refused, not matched as NULL (a policy with a missing context value)', () => {
    expect(() => m.Job.where({ client_id: ['c1', undefined as never] })).toThrow(new QueryError("Job.where: the list for 'client_id' holds undefined; pass null to match NULL"));
  });
});

// Rails' LEFT OUTER JOIN: left_joins, and includes of a table a where hash reaches (Rails eager-loads it so). The answers
// are ActiveRecord 6.1's for the same rows (__tests__/rails/differential 'as.lj.*').
describe.each(READ_MODES)('left joins, %s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
    // c3 has no jobs.
    await m.Client.create_bang({ id: 'c3', name: 'Initech' });
  });
  afterAll(() => m.z.close());
  const loaded = async (relation: PromiseLike<readonly { id: string; jobs: unknown }[]> & { order(c: string): unknown }) =>
    ((await relation.order('id')) as readonly { id: string; jobs: readonly { id: string }[] }[]).map((c) => [c.id, c.jobs.map((j) => j.id)]);

  test('left_joins keeps every row; its key IS NULL is the rows without one (where.missing)', async () => {
    expect(await ids(m.Job.left_joins('client'))).toEqual(['j1', 'j2', 'j3', 'j4', 'j5']);
    expect(await ids(m.Job.left_joins('client').where({ clients: { id: null } }))).toEqual(['j4']);
    expect(await ids(m.Client.left_outer_joins('jobs').where({ jobs: { id: null } }))).toEqual(['c3']);
    // A condition no NULL row meets answers as the INNER JOIN would.
    expect(await ids(m.Job.left_joins('client').where({ clients: { name: 'Acme' } }))).toEqual(['j1', 'j2']);
    expect(await ids(m.Job.left_joins('client').not({ clients: { name: 'Acme' } }))).toEqual(['j3', 'j5']);
    expect(m.Job.left_joins('client').unscope('left_outer_joins').spec).toEqual(m.Job.all().spec);
  });

  test('includes with a condition on its table is a LEFT OUTER JOIN, and a has_many loads the rows it holds for', async () => {
    expect(await ids(m.Job.includes('client').where({ clients: { id: null } }))).toEqual(['j4']);
    expect(await loaded(m.ClientJobs.includes('jobs').where({ jobs: { status: 'active' } }))).toEqual([['c1', ['j1']], ['c2', ['j3']]]);
    expect(await loaded(m.ClientJobs.includes('jobs').not({ jobs: { status: 'active' } }))).toEqual([['c1', ['j2']], ['c2', ['j5']]]);
    expect(await loaded(m.ClientJobs.includes('jobs').where({ jobs: { id: null } }))).toEqual([['c3', []]]);
    // joins makes it an INNER JOIN; the include still loads the joined rows only.
    expect(await loaded(m.ClientJobs.joins('jobs').includes('jobs').where({ jobs: { status: 'done' } }))).toEqual([['c1', ['j2']]]);
    // Without a condition on it, an include loads every associated row.
    expect(await loaded(m.ClientJobs.includes('jobs').where({ name: 'Acme' }))).toEqual([['c1', ['j1', 'j2']]]);
  });

  test("an include beside a nested join loads every row (Rails preloads it); conditions on a nested include's table filter it", async () => {
    expect(await loaded(m.ClientJobs.joins({ jobs: 'tasks' }).includes('jobs'))).toEqual([['c1', ['j1', 'j2']]]);
    const nested = await m.ClientJobs.includes({ jobs: (r) => r.includes('tasks') }).where({ jobs: { tasks: { position: 1 } } }).order('id');
    expect(nested.map((c) => [c.id, (c.jobs as unknown as { id: string; tasks: { id: string }[] }[]).map((j) => [j.id, j.tasks.map((t) => t.id)])])).toEqual([['c1', [['j1', ['t1']]]]]);
  });

  test('minimum and maximum keep an include\'s LEFT JOIN', async () => {
    expect(await m.Job.includes('client').where({ clients: { id: null } }).maximum('title')).toBe('Tile');
    expect(await m.ClientJobs.includes('jobs').where({ jobs: { id: null } }).minimum('name')).toBe('Initech');
  });

  test('conditions a row without the associated row would meet, beside rows with one, are refused with what to write', () => {
    const refusal = (model: string, name: string) =>
      new QueryError(
        `${model}: the conditions on '${name}' also hold for a row without one (Rails' LEFT OUTER JOIN of ${name}, through includes or left_joins, gives such a row NULL columns), ` +
          `and Zero cannot ask for those rows beside the rows that have one: write where_missing('${name}') for the rows without one, or joins('${name}') for the rows with one`,
      );
    // Rails: c3 (no jobs), and any client with a job without a status (an IS NULL that holds on real rows too).
    expect(() => m.ClientJobs.includes('jobs').where({ jobs: { status: null } }).spec).toThrow(refusal('Client', 'jobs'));
    // Rails: j2 (done) and j4 (no client).
    expect(() => m.Job.left_joins('client').where({ clients: { id: null } }).or(m.Job.left_joins('client').where({ status: 'done' })).spec).toThrow(refusal('Job', 'client'));
    expect(() => m.ClientJobs.includes('jobs').where({ jobs: { status: 'active' } }).or(m.ClientJobs.includes('jobs').where({ jobs: { status: 'done' } }).where({ name: 'Acme' })).spec).toThrow(
      /^Client: jobs loaded beside the rows \(includes, or pluck of its columns\) with conditions on jobs inside an OR/,
    );
    expect(() => m.Job.left_joins({ client: 'x' } as unknown as string)).toThrow(/^Job\.left_joins: takes relationship names/);
    expect(() => m.Job.left_joins('owner')).toThrow(/^Job\.left_joins: Can't join 'Job' to association named 'owner'/);
  });
});
