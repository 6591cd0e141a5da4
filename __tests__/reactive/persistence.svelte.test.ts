/**
 * Rails' persistence and dirty tracking on reactive records and handles, with real Svelte runes over a real local Zero:
 * the same answers as ActiveRecord (__tests__/runtime/persistence.test.ts), and every state a form shows (assigned
 * values, `errors`, `new_record_p()`, `changed_p()`) re-runs the effects that read it.
 */
import { describe, expect, test } from 'vitest';
import { RecordInvalidError } from '../../runtime/index.ts';
import { ReactiveJob, useZero } from './models.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { waitUntil } from '../support/wait.ts';
import { settle, watch } from './effects.svelte.ts';

const ctx = useZero();

describe('new records (a form creating one)', () => {
  test('create([a, b]) creates each in turn and returns the handles, the invalid one unsaved with errors', async () => {
    const [saved, invalid] = await ReactiveJob.create([{ id: 'm1', title: 'Mow' }, { id: 'm2', title: '' }]);
    expect([saved!.persisted_p(), invalid!.new_record_p(), invalid!.errors.full_messages()]).toEqual([true, true, ["Title can't be blank"]]);
  });

  test('a belongs_to given as a record is refused with what to give instead: a handle takes the foreign key', () => {
    expect(() => ReactiveJob.new({ title: 'x', client: {} } as never)).toThrow("Job.new: 'client' is an association; give its foreign key instead");
  });

  test('new: bindable, reactive columns; save false with reactive errors, then true; the handle is live once saved', async () => {
    const job = ReactiveJob.new({ id: 'n1', title: '' });
    const view = watch(() => ({ title: job.title, errors: job.errors.full_messages(), saved: job.persisted_p(), status: job.$status, found: job.$found }));
    expect(view.last()).toEqual({ title: '', errors: [], saved: false, status: 'ready', found: false });
    expect([job.new_record_p(), job.status]).toEqual([true, null]);

    expect(await job.save()).toBe(false);
    expect(view.last()).toEqual({ title: '', errors: ["Title can't be blank"], saved: false, status: 'ready', found: false });

    job.title = 'Wash the car'; // what bind:value does
    expect(view.last().title).toBe('Wash the car');
    expect(job.changes()).toEqual({ id: [null, 'n1'], title: [null, 'Wash the car'] });

    expect(await job.save()).toBe(true);
    expect(view.last()).toEqual({ title: 'Wash the car', errors: [], saved: true, status: 'ready', found: true });
    expect(job.changed_p()).toBe(false);

    // Saved, the handle follows the row in Zero like any find(id).
    await ReactiveJob.update_bang('n1', { title: 'Wash the van' });
    await waitUntil('the saved handle to show the row written elsewhere', () => expect(view.last().title).toBe('Wash the van'));
    view.stop();
    await settle();
    expect((await zeroViewCounts(ctx.z)).views).toBe(0);
  });

  test('create returns the handle: saved, or unsaved with errors (Rails); create_bang raises RecordInvalidError', async () => {
    const good = await ReactiveJob.create({ id: 'c9', title: 'Sweep' });
    expect([good.persisted_p(), good.title, good.$found]).toEqual([true, 'Sweep', true]);
    const bad = await ReactiveJob.create({ id: 'c10', title: ' ' });
    expect([bad.new_record_p(), bad.errors.get('title')]).toEqual([true, ["can't be blank"]]);
    await expect(ReactiveJob.create_bang({ id: 'c10', title: '' })).rejects.toThrow(RecordInvalidError);
    expect(ReactiveJob.find_by({ id: 'c10' }).$found).toBe(false);
  });

  test('$found narrows a handle to its row type; create_bang, update and update_bang resolve to a found handle', async () => {
    // The type lines are checked by `npm run typecheck` (an unused @ts-expect-error fails it); the values here.
    const created = await ReactiveJob.create_bang({ id: 'c11', title: 'Mop' });
    const title: string = created.title;
    const updated = await ReactiveJob.update('c11', { title: 'Mop the hall' });
    const banged = await ReactiveJob.update_bang('c11', { title: 'Mop the stairs' });
    expect([created.$found, title, updated.$found, banged.$found, banged.title]).toEqual([true, 'Mop', true, true, 'Mop the stairs']);

    const handle = ReactiveJob.find('c11');
    // @ts-expect-error until $found, a column may be undefined
    const unknownTitle: string = handle.title;
    const narrowed: string | null = handle.$found ? handle.title : null;
    const record = handle.$record;
    const viaRecord: string | undefined = record?.title;
    expect([unknownTitle, narrowed, viaRecord]).toEqual(['Mop the stairs', 'Mop the stairs', 'Mop the stairs']);

    const missing = ReactiveJob.find_by({ id: 'nope' });
    const none: null | 'found' = missing.$found ? 'found' : missing.$record;
    expect([missing.$found, none, missing.title]).toEqual([false, null, undefined]);
  });

  test("a type guard over the row type narrows a collection's filter and find, as an array's", () => {
    const hasStatus = <T extends { readonly status?: string | null }>(job: T): job is T & { status: string } => typeof job.status === 'string';
    const statuses: string[] = ReactiveJob.all().filter(hasStatus).map((job) => job.status.toUpperCase());
    const firstStatus: string | undefined = ReactiveJob.all().find(hasStatus)?.status;
    expect(statuses.length).toBeGreaterThan(0);
    expect(firstStatus).toBe(ReactiveJob.all().toArray().find((job) => typeof job.status === 'string')?.status);
  });
});

describe('record handles (a form editing one)', () => {
  test('assigning shows at once and is a change; restore_attributes takes it back; nothing is written until save', async () => {
    const job = ReactiveJob.find('j1');
    const view = watch(() => [job.title, job.changed_p()]);
    expect(view.last()).toEqual(['Fix the boiler', false]);
    job.title = 'Fix the heater';
    expect(view.last()).toEqual(['Fix the heater', true]);
    expect([job.attribute_was('title'), job.attribute_changed_p('title', { from: 'Fix the boiler' })]).toEqual(['Fix the boiler', true]);
    expect(ReactiveJob.where({ title: 'Fix the heater' }).length).toBe(0);
    job.title = 'Fix the boiler'; // the stored value again: no change (Rails)
    expect(view.last()).toEqual(['Fix the boiler', false]);
    job.title = 'Fix it';
    expect(job.restore_attributes()).toEqual(['title']);
    expect(view.last()).toEqual(['Fix the boiler', false]);
    view.stop();
  });

  test('a handle nobody wrote to carries no state of its own; its first assignment still re-runs what read the column', () => {
    const job = ReactiveJob.find('j1');
    const view = watch(() => [job.title, job.$found]);
    expect(view.last()).toEqual(['Fix the boiler', true]);
    expect(Object.getOwnPropertySymbols(job)).toHaveLength(1); // the answer only
    job.title = 'Fix the heater';
    expect(Object.getOwnPropertySymbols(job)).toHaveLength(3); // the answer, its state and the values view its columns read
    expect(view.last()).toEqual(['Fix the heater', true]);
    view.stop();
  });

  test('update: false and reactive errors when invalid (the value stays, changed); true clears them and writes', async () => {
    const job = ReactiveJob.find('j2');
    const view = watch(() => [job.title, job.errors.get('title'), job.errors.any_p()]);
    expect(await job.update({ title: '' })).toBe(false);
    expect(view.last()).toEqual(['', ["can't be blank"], true]);
    expect(ReactiveJob.find_by({ id: 'j2' }).title).toBe('Paint the fence');
    expect(await job.update({ title: 'Paint the gate' })).toBe(true);
    expect(view.last()).toEqual(['Paint the gate', [], false]);
    expect(job.previous_changes()).toEqual({ title: ['Paint the fence', 'Paint the gate'] });
    await expect(job.update_bang({ title: '' })).rejects.toThrow("Validation failed: Title can't be blank");
    view.stop();
  });

  test('a row changed elsewhere shows through a handle that has no unsaved change of that column', async () => {
    const job = ReactiveJob.find('j1');
    const view = watch(() => [job.title, job.status]);
    job.status = 'done';
    await ReactiveJob.update_bang('j1', { title: 'Fix the pump' });
    await waitUntil('the title written elsewhere', () => expect(view.last()).toEqual(['Fix the pump', 'done']));
    expect(job.changes()).toEqual({ status: ['active', 'done'] });
    view.stop();
  });

  test('Model.update returns the handle with errors when invalid; destroy marks it destroyed', async () => {
    const bad = await ReactiveJob.update('j3', { title: '' });
    expect(bad.errors.full_messages()).toEqual(["Title can't be blank"]);
    const job = ReactiveJob.find('j3');
    expect(await job.destroy()).toBe(job);
    expect([job.destroyed_p(), job.persisted_p(), await job.save()]).toEqual([true, false, false]);
    expect(ReactiveJob.where({ id: 'j3' }).length).toBe(0);
  });
});

describe('records of a collection', () => {
  test('update returns false with errors, then true; the record shows what it saved', async () => {
    const jobs = ReactiveJob.where({ client_id: 'c2' });
    const view = watch(() => jobs.map((j) => j.title));
    const record = jobs.at(0)!;
    expect(await record.update({ title: '' })).toBe(false);
    expect([record.errors.full_messages(), record.changed()]).toEqual([["Title can't be blank"], ['title']]);
    expect(await record.update({ title: 'Paint the shed' })).toBe(true);
    expect([record.title, record.changed_p(), record.errors.empty_p()]).toEqual(['Paint the shed', false, true]);
    expect(view.last()).toEqual(['Paint the shed']);
    view.stop();
  });

  test('a record\'s first assignment re-runs the effects that read it before it had a state', () => {
    const jobs = ReactiveJob.where({ id: 'j1' });
    const view = watch(() => jobs.map((j) => j.title));
    expect(view.last()).toEqual(['Fix the boiler']);
    jobs.at(0)!.title = 'Fix the heater'; // what bind:value does on the first keystroke
    expect(view.last()).toEqual(['Fix the heater']);
    jobs.at(0)!.title = 'Fix it';
    expect(view.last()).toEqual(['Fix it']);
    view.stop();
  });

  test('an effect that reads only errors (making the state) shows the messages of a later failed validation', async () => {
    // A form's error line reads job.errors before any keystroke: the read makes a found handle's state inside the
    // effect, whose cell Svelte does not track there; the effect must still re-run when the errors change.
    const job = ReactiveJob.find('j1');
    await waitUntil('the job to load', () => job.$found);
    const messages = watch(() => job.errors.full_messages());
    expect(messages.last()).toEqual([]);
    job.title = '';
    expect(job.valid_p()).toBe(false);
    expect(messages.last()).toEqual(["Title can't be blank"]);
    job.title = 'Fix it';
    expect(job.valid_p()).toBe(true);
    expect(messages.last()).toEqual([]);
    messages.stop();
  });

  test('an effect that makes a record\'s state by reading its errors shows a later failed validation and the dirty flag', () => {
    // `{#each jobs as job}{job.errors.full_messages()}`: the row's effect makes the record's state, whose cell Svelte
    // does not track in that reaction; it must still re-run when the errors and the changes come.
    const jobs = ReactiveJob.where({ id: 'j1' });
    const list = watch(() => jobs.length);
    const record = jobs.at(0)!;
    const row = watch(() => [record.errors.full_messages(), record.changed_p()]);
    expect(row.last()).toEqual([[], false]);
    record.title = '';
    expect(record.valid_p()).toBe(false);
    expect(row.last()).toEqual([["Title can't be blank"], true]);
    record.title = 'Fix the boiler';
    expect(record.valid_p()).toBe(true);
    expect(row.last()).toEqual([[], false]);
    row.stop();
    list.stop();
  });

  test('records nobody wrote to carry no state of their own (reads stay a row lookup)', () => {
    const record = ReactiveJob.where({ id: 'j1' }).at(0)!;
    expect(Object.getOwnPropertySymbols(record)).toHaveLength(1); // the row only
    record.title = 'x';
    expect(Object.getOwnPropertySymbols(record)).toHaveLength(3); // its values view (was the row), the row and its state
  });
});

describe('the rest of the record API on a handle, answering as ActiveRecord does', () => {
  type Handle = ReturnType<typeof ReactiveJob.find>;
  const cases: [string, (job: Handle) => unknown, unknown][] = [
    ['increment: a change, not saved', (j) => (j.increment('priority'), j.changes()), { priority: [2, 3] }],
    ['decrement by 2', (j) => j.decrement('priority', 2).priority, 0],
    ['assign_attributes casts a numeric string (no change)', (j) => (j.assign_attributes({ priority: '2' as never }), j.changed_p()), false],
    ['valid_p fills errors', (j) => ((j.title = ''), [j.valid_p(), j.invalid_p(), j.errors.full_messages()]), [false, true, ["Title can't be blank"]]],
    ['attribute_was', (j) => ((j.title = 'x'), j.attribute_was('title')), 'Fix the boiler'],
    ['persisted_p / new_record_p / destroyed_p', (j) => [j.persisted_p(), j.new_record_p(), j.destroyed_p()], [true, false, false]],
    ['previously_new_record_p / previously_persisted_p of a found row', (j) => [j.previously_new_record_p(), j.previously_persisted_p()], [false, false]],
    ['has_attribute_p / attribute_present_p', (j) => ((j.status = ''), [j.has_attribute_p('title'), j.has_attribute_p('nope'), j.attribute_present_p('title'), j.attribute_present_p('status')]), [true, false, true, false]],
    ['attribute_names / attributes (the unsaved value, cast)', (j) => ((j.priority = '4' as never), [j.attribute_names().length, j.attributes().priority, j.attributes().title]), [7, 4, 'Fix the boiler']],
    ['read_attribute / write_attribute / changed_attributes', (j) => [j.write_attribute('priority', '5' as never), j.priority, j.read_attribute('priority'), j.read_attribute('nope' as never), j.changed_attributes()], ['5', 5, 5, null, { priority: 2 }]],
    ['to_key / to_param', (j) => [j.to_key(), j.to_param(), ReactiveJob.new().to_param()], [['j1'], 'j1', null]],
  ];
  test.each(cases)('%s', (_name, act, expected) => {
    expect(act(ReactiveJob.find('j1'))).toEqual(expected);
  });

  test('update_attribute saves without validations; delete removes the row alone; Model.delete by key', async () => {
    const job = ReactiveJob.find('j1');
    expect(await job.update_attribute('title', '')).toBe(true);
    expect(ReactiveJob.find_by({ id: 'j1' }).title).toBe('');
    expect([await job.delete(), job.destroyed_p()]).toEqual([job, true]);
    expect(ReactiveJob.exists_p('j1').current).toBe(false);
    expect([await ReactiveJob.delete(['j2', 'nope']), ReactiveJob.column_names().length, ReactiveJob.primary_key(), ReactiveJob.table_name()]).toEqual([1, 7, 'id', 'jobs']);
  });

  test('increment_bang writes that column alone; touch writes a timestamp; reload drops unsaved changes', async () => {
    const job = ReactiveJob.find('j1');
    job.title = 'Unsaved';
    expect(await job.increment_bang('priority', 3)).toBe(job);
    expect(ReactiveJob.find_by({ id: 'j1' }).priority).toBe(5);
    expect(ReactiveJob.find_by({ id: 'j1' }).title).toBe('Fix the boiler');
    expect(await job.touch('created_at')).toBe(true);
    expect(ReactiveJob.find_by({ id: 'j1' }).created_at).toBeGreaterThan(1);
    expect(await job.reload()).toBe(job);
    expect([job.title, job.changed_p()]).toEqual(['Fix the boiler', false]);
  });
});
