/**
 * Column getters as the generator writes them (`columnGetters: defineColumnGetters({ get title() { ... } })`): records
 * and handles read through them, assignments and dirty tracking work as with the runtime's own getters, and effects
 * re-run. Real Svelte runes over a real local Zero; the hand-written models of the other reactive tests cover configs
 * without getters.
 */
import { describe, expect, test } from 'vitest';
import { RECORD_VALUES, defineColumnGetters, defineModel } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { schema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';
import { ReactiveJob, useZero, zero } from './models.ts';
import { watch } from './effects.svelte.ts';

// The generator's output for the jobs table (generate.test.ts checks it writes this shape).
const columnGetters = defineColumnGetters({
  get id() { return this[RECORD_VALUES]["id"]; },
  get title() { return this[RECORD_VALUES]["title"]; },
  get status() { return this[RECORD_VALUES]["status"]; },
  get country() { return this[RECORD_VALUES]["country"]; },
  get priority() { return this[RECORD_VALUES]["priority"]; },
  get client_id() { return this[RECORD_VALUES]["client_id"]; },
  get created_at() { return this[RECORD_VALUES]["created_at"]; },
});
const GeneratedJob = ReactiveRecord.createModel(defineModel({ schema, table: 'jobs', zero, validations: { title: [{ kind: 'presence' }] }, columnGetters }));

useZero();

const getterOf = (object: object, column: string) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(object), column)?.get;

describe('generated column getters', () => {
  test('are the getters records and handles read columns with', () => {
    const titleGetter = Object.getOwnPropertyDescriptor(columnGetters, 'title')!.get;
    const jobs = GeneratedJob.order('id');
    const view = watch(() => jobs.length);
    expect(getterOf(jobs.at(0)!, 'title')).toBe(titleGetter);
    expect(getterOf(GeneratedJob.find('j1'), 'title')).toBe(titleGetter);
    expect(getterOf(ReactiveJob.find('j1'), 'title')).not.toBe(titleGetter);
    view.stop();
  });

  test('collection records: read, assign (reactive from the first assignment on), dirty tracking, save', async () => {
    const jobs = GeneratedJob.order('id');
    const view = watch(() => jobs.map((job) => `${job.id}:${job.title}:${job.priority}`));
    expect(view.last()).toEqual(['j1:Fix the boiler:2', 'j2:Paint the fence:1', 'j3:Clean the gutters:3', 'j4:Mow the lawn:5']);
    const job = jobs.at(1)!;
    job.title = 'Paint the gate';
    expect(view.last()[1]).toBe('j2:Paint the gate:1');
    job.priority = '4' as never; // a form's string, cast on assignment
    expect(view.last()[1]).toBe('j2:Paint the gate:4');
    expect(job.changes()).toEqual({ title: ['Paint the fence', 'Paint the gate'], priority: [1, 4] });
    expect(job.read_attribute('title')).toBe('Paint the gate');
    expect(job.toJSON()).toMatchObject({ id: 'j2', title: 'Paint the gate', priority: 4 });
    expect(await job.save()).toBe(true);
    expect([job.title, job.changed_p()]).toEqual(['Paint the gate', false]);
    await waitUntil('the collection to show the saved row', () => expect(view.last()[1]).toBe('j2:Paint the gate:4'));
    view.stop();
  });

  test('handles: columns follow the answer, undefined while not found; a new record reads its assignments', async () => {
    const job = GeneratedJob.find('j3');
    const missing = GeneratedJob.find_by({ id: 'nope' });
    const view = watch(() => [job.title, job.status, missing.title]);
    expect(view.last()).toEqual(['Clean the gutters', 'done', undefined]);
    await ReactiveJob.update_bang('j3', { title: 'Clean the drains' });
    await waitUntil('the handle to show the row written elsewhere', () => expect(view.last()[0]).toBe('Clean the drains'));
    job.status = 'active';
    expect(view.last()).toEqual(['Clean the drains', 'active', undefined]);
    expect(job.changes()).toEqual({ status: ['done', 'active'] });

    const created = GeneratedJob.new({ id: 'n1' });
    const form = watch(() => [created.id, created.title, created.errors.full_messages()]);
    expect(form.last()).toEqual(['n1', null, []]);
    expect(await created.save()).toBe(false);
    expect(form.last()).toEqual(['n1', null, ["Title can't be blank"]]);
    created.title = 'Wash the car'; // what bind:value does
    expect(form.last()[1]).toBe('Wash the car');
    expect(await created.save()).toBe(true);
    await ReactiveJob.update_bang('n1', { title: 'Wash the van' });
    await waitUntil('the saved handle to follow its row', () => expect(form.last()[1]).toBe('Wash the van'));
    view.stop();
    form.stop();
  });
});
