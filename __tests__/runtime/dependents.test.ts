/**
 * Rails' `dependent:` on has_many, applied by `destroy` in both flavours' shared persistence, against a real local Zero.
 * Each row of the table is what ActiveRecord 6.1 answers over SQLite for the same models and seed (clients c1 with jobs
 * j1 (tasks t1, t2) and j2, c2 with j3, c3 with none): the destroy's answer and every table afterwards.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Zero } from '@rocicorp/zero';
import { ActiveRecord, ConfigError, DeleteRestrictionError, RecordNotDestroyedError, defineModel, type Dependent, type ModelDefinition } from '../../runtime/index.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';

let z: Zero<TestSchema> | undefined;
afterEach(() => z?.close());

async function setup(client: Dependent, job: Dependent) {
  z = localZero();
  const zero = z;
  const taskConfig = defineModel({ schema, table: 'tasks', zero });
  const jobConfig = defineModel({ schema, table: 'jobs', zero, relationships: { tasks: () => taskConfig }, dependents: { tasks: job } });
  const clientConfig = defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig }, dependents: { jobs: client } });
  const [Client, Job, Task] = [ActiveRecord.createModel(clientConfig), ActiveRecord.createModel(jobConfig), ActiveRecord.createModel(taskConfig)];
  await Client.create_bang([{ id: 'c1', name: 'Acme' }, { id: 'c2', name: 'Initech' }, { id: 'c3', name: 'Empty' }]);
  await Job.create_bang([{ id: 'j1', title: 'Paint', client_id: 'c1' }, { id: 'j2', title: 'Wire', client_id: 'c1' }, { id: 'j3', title: 'Tile', client_id: 'c2' }]);
  await Task.create_bang([{ id: 't1', title: 'Primer', job_id: 'j1' }, { id: 't2', title: 'Coat', job_id: 'j1' }]);
  const tables = async () => [await Client.order('id').ids(), await Job.order('id').pluck('id', 'client_id'), await Task.order('id').pluck('id', 'job_id')];
  return { Client, tables };
}

const untouched = [['c1', 'c2', 'c3'], [['j1', 'c1'], ['j2', 'c1'], ['j3', 'c2']], [['t1', 'j1'], ['t2', 'j1']]];

describe("destroy applies dependent:, as ActiveRecord's destroy does", () => {
  const cases: [Dependent, Dependent, unknown, unknown[]][] = [
    ['destroy', 'destroy', 'destroyed', [['c2', 'c3'], [['j3', 'c2']], []]],
    ['delete_all', 'destroy', 'destroyed', [['c2', 'c3'], [['j3', 'c2']], [['t1', 'j1'], ['t2', 'j1']]]],
    ['nullify', 'destroy', 'destroyed', [['c2', 'c3'], [['j1', null], ['j2', null], ['j3', 'c2']], [['t1', 'j1'], ['t2', 'j1']]]],
    ['restrict_with_exception', 'destroy', ['DeleteRestrictionError', 'Cannot delete record because of dependent jobs'], untouched],
    ['restrict_with_error', 'destroy', [false, ['Cannot delete record because dependent jobs exist']], untouched],
    // A restriction two levels down refuses the whole destroy before anything is written (Rails rolls it back).
    ['destroy', 'restrict_with_exception', ['DeleteRestrictionError', 'Cannot delete record because of dependent tasks'], untouched],
    ['destroy', 'restrict_with_error', [false, []], untouched],
  ];
  test.each(cases)('jobs: %s, tasks: %s', async (client, job, answer, after) => {
    const { Client, tables } = await setup(client, job);
    const record = await Client.find('c1');
    const result = await record.destroy().then(
      (value) => (value === false ? [false, record.errors.full_messages()] : value.destroyed_p() ? 'destroyed' : value),
      (error: Error) => [error.name, error.message],
    );
    expect(result).toEqual(answer);
    expect(await tables()).toEqual(after);
  });

  test('destroy_bang raises RecordNotDestroyedError where destroy answers false; a record with no dependent rows is destroyed', async () => {
    const { Client, tables } = await setup('restrict_with_error', 'destroy');
    // Rails 7.1+ names the record (6.1: Failed to destroy the record).
    await expect((await Client.find('c1')).destroy_bang()).rejects.toThrow(new RecordNotDestroyedError('Client', 'Failed to destroy Client with id=c1'));
    expect(await Client.destroy('c2')).toBe(false); // Rails' Model.destroy(id) answers the record's destroy
    expect(await Client.destroy('c3')).not.toBe(false);
    expect((await tables())[0]).toEqual(['c1', 'c2']);
  });

  test('a dependent names a relationship of the model and one of Rails options', () => {
    const taskConfig = defineModel({ schema, table: 'tasks' });
    expect(() => defineModel({ schema, table: 'jobs', dependents: { tasks: 'destroy' } })).toThrow(ConfigError);
    expect(() => defineModel({ schema, table: 'jobs', relationships: { tasks: () => taskConfig }, dependents: { tasks: 'cascade' as Dependent } })).toThrow(
      /dependent 'cascade' for 'tasks': expected one of destroy, delete_all, delete, nullify, restrict_with_exception, restrict_with_error/,
    );
    expect(DeleteRestrictionError.name).toBe('DeleteRestrictionError');
  });
});
