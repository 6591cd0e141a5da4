import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Zero, type Schema } from '@rocicorp/zero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.ts';
import { writeGeneration } from '../../generator/output.ts';
import { configureZero, RecordInvalidError, RecordNotFoundError, recordMutators, type Relation } from '../../runtime/index.ts';
import { fixtureDescription, outputDir } from './support.ts';

// Generated from the fixture Rails app, then loaded as an app would: the real runtime over a real local Zero.
type Row = Record<string, unknown> & { id: string };
interface Model {
  create(attributes: Record<string, unknown>): Promise<Row & { new_record_p(): boolean; errors: { full_messages(): string[] } }>;
  create_bang(attributes: Record<string, unknown>): Promise<Row>;
  find(id: string): Promise<Row>;
  [scope: string]: unknown;
}
type Scope = (...args: unknown[]) => PromiseLike<Row[]> & Record<string, unknown>;

let cleanup: () => Promise<void>;
let zero: { close(): Promise<void> } | undefined;
let ActiveJob: Model;
let ActiveTask: Model;
let ActiveClient: Model;
let ActiveUser: Model;
let ActiveAssignment: Model;
let jobQueryName: unknown;
const scope = (model: Model, name: string) => model[name] as Scope;

beforeAll(async () => {
  const out = await outputDir();
  cleanup = out.cleanup;
  const { files } = await generate(await fixtureDescription(), out.options);
  // The app's hand-written scope for the one Job scope the generator could not translate (written before generation:
  // the generator keeps it).
  await writeFile(
    join(out.dir, 'job.scopes.ts'),
    [
      `import type { Relation } from ${JSON.stringify(out.options.runtimeImport)};`,
      'export const jobScopes = {',
      '  search: (r: Relation, query: string) => r.where({ title: query }),',
      '  with_open_tasks: (r: Relation) => r,',
      '};',
      '',
    ].join('\n'),
  );
  await writeGeneration(out.dir, files);
  const { schema } = (await import(join(out.dir, 'schema.ts'))) as { schema: Schema };
  ({ ActiveJob } = (await import(join(out.dir, 'job.active.ts'))) as { ActiveJob: Model });
  ({ ActiveTask } = (await import(join(out.dir, 'task.active.ts'))) as { ActiveTask: Model });
  ({ ActiveClient } = (await import(join(out.dir, 'client.active.ts'))) as { ActiveClient: Model });
  ({ ActiveUser } = (await import(join(out.dir, 'user.active.ts'))) as { ActiveUser: Model });
  ({ ActiveAssignment } = (await import(join(out.dir, 'assignment.active.ts'))) as { ActiveAssignment: Model });
  // Modern output: models read through the generated named queries and write through the generated per-model mutators.
  const { mutators } = (await import(join(out.dir, 'mutators.ts'))) as { mutators: typeof recordMutators };
  jobQueryName = ((await import(join(out.dir, 'job.config.ts'))) as { jobConfig: { query?: { queryName: string } } }).jobConfig.query?.queryName;
  const z = new Zero({ userID: 'generator-test', cacheURL: null, kvStore: 'mem', schema, mutators, logLevel: 'error' });
  configureZero(z);
  zero = z;

  const at = (minutes: number) => Date.UTC(2024, 0, 1, 0, minutes);
  await ActiveClient.create({ id: 'c1', name: 'Acme', archived: false, jobs_count: 0, created_at: at(0), updated_at: at(0) });
  await ActiveClient.create({ id: 'c2', name: 'Globex', archived: true, jobs_count: 0, created_at: at(0), updated_at: at(0) });
  const job = (id: string, title: string, status: string, priority: number, client: string, minute: number, budget: number | null) =>
    ActiveJob.create({ id, title, status, priority, client_id: client, created_at: at(minute), updated_at: at(minute), budget });
  await job('j1', 'Paint', 'active', 2, 'c1', 1, 100);
  await job('j2', 'Plumb', 'done', 0, 'c1', 2, 500);
  await job('j3', 'Wire', 'active', 1, 'c2', 3, null);
  await ActiveTask.create({ id: 't1', job_id: 'j1', title: 'Buy paint', done: false, position: 2, created_at: at(1), updated_at: at(1) });
  await ActiveTask.create({ id: 't2', job_id: 'j1', title: 'Tape', done: true, position: 1, created_at: at(1), updated_at: at(1) });
  await ActiveUser.create({ id: 'u1', email: 'ann@example.com', name: 'Ann', role: 'admin', created_at: at(0), updated_at: at(0) });
  await ActiveUser.create({ id: 'u2', email: 'bob@example.com', name: 'Bob', role: 'member', created_at: at(0), updated_at: at(0) });
  await ActiveAssignment.create({ id: 'a1', job_id: 'j1', user_id: 'u2', role: 'lead', created_at: at(1), updated_at: at(1) });
  await ActiveAssignment.create({ id: 'a2', job_id: 'j1', user_id: 'u1', role: 'worker', created_at: at(1), updated_at: at(1) });
}, 60_000);

afterAll(async () => {
  await zero?.close();
  await cleanup?.();
});

const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('generated models against a real local Zero', () => {
  it('reads through the generated named query of each model', () => {
    expect(jobQueryName).toBe('job.relation');
  });

  it('find returns the record and raises Rails\' error for a missing id', async () => {
    expect((await ActiveJob.find('j1')).title).toBe('Paint');
    await expect(ActiveJob.find('nope')).rejects.toThrow(RecordNotFoundError);
    await expect(ActiveJob.find('nope')).rejects.toThrow(`Couldn't find Job with 'id'="nope"`);
  });

  it('runs the scopes translated from Rails, alone and chained', async () => {
    expect(ids(await scope(ActiveJob, 'open')())).toEqual(['j1', 'j3']);
    expect(ids(await scope(ActiveJob, 'by_client')('c1'))).toEqual(['j1', 'j2']);
    expect(ids(await scope(ActiveJob, 'by_client')(['c2', 'c9']))).toEqual(['j3']);
    expect(ids(await scope(ActiveJob, 'recent')())).toEqual(['j3', 'j2', 'j1']);
    expect(ids(await scope(ActiveJob, 'latest')())).toEqual(['j3', 'j2', 'j1']);
    expect(ids(await scope(ActiveJob, 'latest')(2))).toEqual(['j3', 'j2']);
    expect(ids(await scope(ActiveJob, 'not_done')())).toEqual(['j1', 'j3']);
    expect(ids(await scope(ActiveJob, 'urgent')())).toEqual(['j1']);
    expect(ids(await scope(ActiveJob, 'between')(50, 200))).toEqual(['j1']);
    const chained = (scope(ActiveJob, 'open')() as unknown as Record<string, (...a: unknown[]) => PromiseLike<Row[]>>).by_client!('c1');
    expect(ids(await chained)).toEqual(['j1']);
    expect(ids(await scope(ActiveTask, 'ordered')())).toEqual(['t2', 't1']);
    expect(ids(await scope(ActiveTask, 'open')())).toEqual(['t1']);
    expect(ids(await scope(ActiveClient, 'active')())).toEqual(['c1']);
  });

  it('runs the hand-written scope from the app\'s scopes file', async () => {
    expect(ids(await scope(ActiveJob, 'search')('Wire'))).toEqual(['j3']);
  });

  it('validates before writing, with Rails messages, and writes nothing when invalid', async () => {
    const attempt = ActiveJob.create_bang({ id: 'j9', title: '', status: 'active', priority: 1, client_id: 'c1', created_at: 0, updated_at: 0, budget: -1 });
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordInvalidError);
    expect((error as Error).message).toBe("Validation failed: Title can't be blank, Budget must be greater than or equal to 0");
    await expect(ActiveJob.find('j9')).rejects.toThrow(RecordNotFoundError);
    const task = ActiveTask.create_bang({ id: 't9', job_id: 'j1', title: 'x', done: false, position: 1.5, created_at: 0, updated_at: 0 });
    await expect(task).rejects.toThrow('Validation failed: Position must be an integer');
    // Rails' create (no bang): the record, unsaved, with the messages in errors.
    const unsaved = await ActiveTask.create({ id: 't9', job_id: 'j1', title: 'x', done: false, position: 1.5, created_at: 0, updated_at: 0 });
    expect([unsaved.new_record_p(), unsaved.errors.full_messages()]).toEqual([true, ['Position must be an integer']]);
  });

  it('follows the generated relationships (belongs_to, has_many, has_many :through)', async () => {
    type Loaded = Row & { client: Row; tasks: Row[]; workers: Row[] };
    const relation = (ActiveJob as unknown as { includes(name: string): Relation }).includes('client') as unknown as {
      includes(name: string): { includes(name: string): { where(h: object): PromiseLike<Loaded[]> } };
    };
    const [job] = await relation.includes('tasks').includes('workers').where({ id: 'j1' });
    expect(job!.client.name).toBe('Acme');
    expect(ids(job!.tasks).sort()).toEqual(['t1', 't2']);
    expect(ids(job!.workers).sort()).toEqual(['u1', 'u2']);
  });
});
