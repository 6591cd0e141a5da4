// The query endpoint as zero-cache calls it (a Fetch Request in Zero's protocol): named queries
// become ASTs with the read policy ANDed in at every level, and hostile input gets an error
// answer, never an exception. No database is touched: the query endpoint only builds ASTs.
import { createBuilder, createSchema, defineQueries, defineQuery, relationships, string, table, type AST, type Condition } from '@rocicorp/zero';
import { afterAll, describe, expect, it } from 'vitest';
import { findQuery, relationQuery } from '../../runtime/index.ts';
import { AuthenticationError, createServer } from '../../runtime/server/index.ts';

const projects = table('projects').columns({ id: string(), owner_id: string() }).primaryKey('id');
const notes = table('notes')
  .from('app_notes')
  .columns({ id: string(), project_id: string(), author: string().from('author_login') })
  .primaryKey('id');
const schema = createSchema({
  tables: [projects, notes],
  relationships: [
    relationships(projects, ({ many }) => ({ notes: many({ sourceField: ['id'], destSchema: notes, destField: ['project_id'] }) })),
    relationships(notes, ({ one }) => ({ project: one({ sourceField: ['project_id'], destSchema: projects, destField: ['id'] }) })),
  ],
});
const zql = createBuilder(schema);

type Ctx = { userID: string };
const queries = defineQueries({
  // A generated registry's entry (defineRelationQueries makes these), beside hand-written queries.
  project: { relation: relationQuery(schema, 'projects'), find: findQuery(schema, 'projects') },
  projects: {
    withNotes: defineQuery(({ args }: { args: { id?: string } | undefined }) => {
      const base = zql.projects.related('notes');
      return args?.id ? base.where('id', args.id) : base;
    }),
    havingNotes: defineQuery(() => zql.projects.whereExists('notes')),
    failing: defineQuery(() => {
      throw new Error('the spec names an unknown column');
    }),
  },
  notes: {
    all: defineQuery(() => zql.notes),
    // What a read policy through the project means, as ZQL says it.
    ofProjectsOwnedBy: defineQuery(({ args }: { args: string }) => zql.notes.whereExists('project', (q) => q.where('owner_id', args))),
  },
});

const server = createServer<Ctx>({
  schema,
  queries,
  mutators: {} as never,
  database: 'postgres://nobody@127.0.0.1:1/none', // never connected: the query endpoint does not read the database
  authenticate: (request) => {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
    if (!token) throw new AuthenticationError('No token: sign in first.');
    return { userID: token };
  },
  policies: {
    projects: { read: (ctx) => ({ owner_id: ctx.userID }) },
    notes: { read: (ctx) => ({ author: [ctx.userID, 'system'] }) },
  },
});
afterAll(() => server.close());

const post = (body: string, token: string | undefined = 'alice'): Request =>
  new Request('http://localhost/query?schema=zero_0&appID=zero', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

async function transform(queriesAsked: { id: string; name: string; args: unknown[] }[], token?: string) {
  const response = await server.query(post(JSON.stringify(['transform', queriesAsked]), token));
  return { status: response.status, body: (await response.json()) as { kind: string; userID?: string; queries: { id: string; ast?: AST; error?: string; message?: string }[] } };
}

const ownerIs = (user: string): Condition => ({
  type: 'simple',
  left: { type: 'column', name: 'owner_id' },
  op: '=',
  right: { type: 'literal', value: user },
});

describe('the query endpoint', () => {
  it("ANDs each table's read policy into the AST: the root, includes and EXISTS subqueries, in server names", async () => {
    const { body } = await transform([
      { id: 'q1', name: 'projects.withNotes', args: [{ id: 'p1' }] },
      { id: 'q2', name: 'projects.havingNotes', args: [] },
    ]);
    expect(body.kind).toBe('QueryResponse');
    expect(body.userID).toBe('alice');
    const [withNotes, havingNotes] = body.queries;
    expect(withNotes?.ast?.where).toEqual({
      type: 'and',
      conditions: [{ type: 'simple', left: { type: 'column', name: 'id' }, op: '=', right: { type: 'literal', value: 'p1' } }, ownerIs('alice')],
    });
    const notesAst = withNotes?.ast?.related?.[0]?.subquery;
    expect(notesAst?.table).toBe('app_notes');
    expect(notesAst?.where).toEqual({
      type: 'simple',
      left: { type: 'column', name: 'author_login' },
      op: 'IN',
      right: { type: 'literal', value: ['alice', 'system'] },
    });
    const exists = havingNotes?.ast?.where;
    expect(exists?.type).toBe('and');
    const existsSubquery = exists?.type === 'and' ? exists.conditions.find((c) => c.type === 'correlatedSubquery') : undefined;
    expect(existsSubquery?.type === 'correlatedSubquery' && existsSubquery.related.subquery.where).toMatchObject({
      left: { name: 'author_login' },
      right: { value: ['alice', 'system'] },
    });
  });

  it('answers each failing query with its own app error, the others with their AST', async () => {
    const { body } = await transform([
      { id: 'bad', name: 'projects.failing', args: [] },
      { id: 'unknown', name: 'projects.nope', args: [] },
      { id: 'good', name: 'projects.withNotes', args: [] },
    ]);
    expect(body.queries.map((q) => [q.id, q.error ?? 'ast'])).toEqual([
      ['bad', 'app'],
      ['unknown', 'app'],
      ['good', 'ast'],
    ]);
    expect(body.queries[0]?.message).toMatch(/unknown column/);
    expect(body.queries[1]?.message).toMatch(/projects\.nope/);
  });

  it('answers malformed JSON and a malformed request with a parse failure, not an exception', async () => {
    for (const raw of ['{"transform": [', '["transform", {"not": "a list"}]', 'null']) {
      const response = await server.query(post(raw));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ kind: 'TransformFailed', reason: 'parse' });
    }
  });

  it('claims no user for an anonymous context (zero-cache would refuse a client whose userID differs)', async () => {
    const anonymous = createServer({ schema, queries, mutators: {} as never, database: 'postgres://nobody@127.0.0.1:1/none' });
    const response = await anonymous.query(post(JSON.stringify(['transform', [{ id: 'q', name: 'projects.withNotes', args: [] }]])));
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['kind']).toBe('QueryResponse');
    expect('userID' in body).toBe(false);
    await anonymous.close();
  });

  it('refuses, at start, a policy keyed by something that is not a table', () => {
    expect(() =>
      createServer<Ctx>({ schema, queries, mutators: {} as never, database: 'postgres://nobody@127.0.0.1:1/none', policies: { project: { read: () => ({}) } } }),
    ).toThrow(/'project' is not a table of the schema \(policies are keyed by table: projects, notes\)/);
  });

  it('refuses a request without credentials with 401 and the reason', async () => {
    const response = await server.query(post(JSON.stringify(['transform', []]), ''));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('No token: sign in first.');
  });

  it("ANDs the read policy into the find query's AST too: the row by key, only when the policy lets the user see it", async () => {
    const { body } = await transform([{ id: 'f', name: 'project.find', args: ['p1'] }], 'bob');
    const [find] = body.queries;
    expect(find?.ast?.table).toBe('projects');
    expect(find?.ast?.limit).toBe(1);
    expect(find?.ast?.where).toEqual({
      type: 'and',
      conditions: [{ type: 'simple', left: { type: 'column', name: 'id' }, op: '=', right: { type: 'literal', value: 'p1' } }, ownerIs('bob')],
    });
  });

  it('answers a hostile find argument with an app error naming it, and keeps answering the other queries', async () => {
    const hostile: [string, unknown[]][] = [
      ['a number for a string key', [42]],
      ['an object', [{ where: { op: 'const', value: true } }]],
      ['a list', [['p1', 'p2']]],
      ['null', [null]],
      ['no argument', []],
      ['a key over the length cap', ['x'.repeat(2000)]],
    ];
    const { body } = await transform([
      ...hostile.map(([what, args]) => ({ id: what, name: 'project.find', args })),
      { id: 'good', name: 'project.find', args: ['p2'] },
    ]);
    expect(body.queries.map((q) => [q.id, q.error ?? 'ast'])).toEqual([...hostile.map(([what]) => [what, 'app']), ['good', 'ast']]);
    for (const q of body.queries.slice(0, -1)) expect(q.message).toMatch(/Invalid relation spec at id: /);
    expect(body.queries[0]?.message).toContain("column 'id' of 'projects' holds string keys; got 42");
    expect(body.queries[5]?.message).toContain('a key of 2000 characters is over the cap of 1024');
  });

  it("takes a relationship's conditions in a read policy (rows owned through a parent): Zero's own EXISTS over it, in server names, at any depth", async () => {
    const through = (policies: Parameters<typeof createServer<Ctx>>[0]['policies']) =>
      createServer<Ctx>({ schema, queries, mutators: {} as never, database: 'postgres://nobody@127.0.0.1:1/none', authenticate: () => ({ userID: 'alice' }), policies });
    const ast = async (of: ReturnType<typeof through>, name: string, args: unknown[]) => {
      const response = await of.query(post(JSON.stringify(['transform', [{ id: 'q', name, args }]])));
      return ((await response.json()) as { queries: { ast?: AST; message?: string }[] }).queries[0]!;
    };
    const plain = through({});
    const policed = through({ notes: { read: (ctx) => ({ project: { owner_id: ctx.userID } }) } });
    const zeroSays = (await ast(plain, 'notes.ofProjectsOwnedBy', ['alice'])).ast?.where;
    expect(zeroSays?.type).toBe('correlatedSubquery');
    expect((await ast(policed, 'notes.all', [])).ast?.where).toEqual(zeroSays);
    // Columns of its own beside it are ANDed; a relationship of the related table nests; each in server names.
    const nested = through({ projects: { read: (ctx) => ({ owner_id: ctx.userID, notes: { author: 'system', project: { id: 'p1' } } }) } });
    const where = (await ast(nested, 'project.find', ['p1'])).ast?.where;
    expect(JSON.stringify(where)).toContain('"table":"app_notes"');
    expect(JSON.stringify(where)).toContain('"childField":["project_id"]');
    expect(JSON.stringify(where)).toContain('{"type":"column","name":"author_login"}');
    expect(JSON.stringify(where)).toContain('"alias":"zsubq_project"');
    // A `__proto__` key is a column name like any other (unknown here), not a prototype that would empty the hash.
    const proto = through({ projects: { read: () => JSON.parse('{"__proto__":{"owner_id":"alice"}}') as never } });
    await expect(ast(proto, 'project.find', ['p1'])).rejects.toThrow(/the read policy of projects: '__proto__' is neither a column nor a relationship of Project/);
    // A belongs_to given its key compares the key, as `where({ project: 'p1' })` does; a has_many has no key to compare.
    const byKey = through({ notes: { read: () => ({ project: 'p1' }) } });
    expect((await ast(byKey, 'notes.all', [])).ast?.where).toEqual({ type: 'simple', left: { type: 'column', name: 'project_id' }, op: '=', right: { type: 'literal', value: 'p1' } });
    const wrong = through({ projects: { read: () => ({ notes: 'n1' }) } });
    await expect(ast(wrong, 'project.find', ['p1'])).rejects.toThrow(/the read policy of projects: unknown column 'notes' for Project/);
    await Promise.all([plain, policed, nested, byKey, wrong].map((s) => s.close()));
  });

  it("takes a relationship through a junction table in a read policy, as Zero's whereExists over it", async () => {
    const teams = table('teams').columns({ id: string() }).primaryKey('id');
    const people = table('people').from('app_people').columns({ id: string(), login: string().from('user_login') }).primaryKey('id');
    const seats = table('seats').columns({ id: string(), team_id: string(), person_id: string() }).primaryKey('id');
    const junction = createSchema({
      tables: [teams, people, seats],
      relationships: [
        relationships(teams, ({ many }) => ({
          people: many({ sourceField: ['id'], destField: ['team_id'], destSchema: seats }, { sourceField: ['person_id'], destField: ['id'], destSchema: people }),
        })),
      ],
    });
    const teamsZql = createBuilder(junction);
    const teamQueries = defineQueries({
      teams: {
        all: defineQuery(() => teamsZql.teams),
        withMember: defineQuery(({ args }: { args: string }) => teamsZql.teams.whereExists('people', (q) => q.where('login', args))),
      },
    });
    const make = (policies: Parameters<typeof createServer<Ctx>>[0]['policies']) =>
      createServer<Ctx>({ schema: junction, queries: teamQueries, mutators: {} as never, database: 'postgres://nobody@127.0.0.1:1/none', authenticate: () => ({ userID: 'alice' }), policies });
    const where = async (of: ReturnType<typeof make>, name: string, args: unknown[]) => {
      const response = await of.query(post(JSON.stringify(['transform', [{ id: 'q', name, args }]])));
      return ((await response.json()) as { queries: { ast?: AST }[] }).queries[0]!.ast?.where;
    };
    const plain = make({});
    const policed = make({ teams: { read: (ctx) => ({ people: { login: ctx.userID } }) } });
    const zeroSays = await where(plain, 'teams.withMember', ['alice']);
    expect(JSON.stringify(zeroSays)).toContain('"name":"user_login"');
    expect(await where(policed, 'teams.all', [])).toEqual(zeroSays);
    await Promise.all([plain.close(), policed.close()]);
  });
});
