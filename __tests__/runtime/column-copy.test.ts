/**
 * A generated `columnCopy` (the generator's own statements, compiled here) builds every ActiveRecord record, and the
 * records are the ones the runtime's loop builds: same columns, same order, same values, same behaviour.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ActiveRecord, defineColumnCopy, defineModel, type ColumnCopy } from '../../runtime/index.ts';
import { columnCopySource } from '../../generator/emit-model.ts';
import { localZero, schema } from '../support/zero.ts';

const zeros: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(zeros.splice(0).map((z) => z.close()));
});

/** The copy the generator writes for `columns`, as its config file would compile it. */
function generatedCopy(columns: readonly string[]): ColumnCopy {
  return new Function('record', 'row', columns.map(columnCopySource).join('\n')) as ColumnCopy;
}

function models(copyJobs: ColumnCopy | undefined, shadowClientName = false, clientCopy = copyJobs && generatedCopy(shadowClientName ? ['id'] : ['id', 'name'])) {
  const z = localZero();
  zeros.push(z);
  const shadowedColumns = shadowClientName ? ['name'] : [];
  const clientConfig = defineModel({ schema, table: 'clients', zero: z, shadowedColumns, columnCopy: clientCopy });
  const jobConfig = defineModel({ schema, table: 'jobs', zero: z, relationships: { client: () => clientConfig }, columnCopy: copyJobs });
  return { Job: ActiveRecord.createModel(jobConfig), Client: ActiveRecord.createModel(clientConfig) };
}

const JOB_COLUMNS = ['id', 'title', 'status', 'country', 'priority', 'client_id', 'created_at'];

async function seed(m: ReturnType<typeof models>): Promise<void> {
  await m.Client.create({ id: 'c1', name: 'Acme' });
  await m.Job.create({ id: 'j1', title: 'Paint', status: 'active', priority: 2, client_id: 'c1', created_at: 1 });
  await m.Job.create({ id: 'j2', title: 'Sand', created_at: 2 });
}

/** A record as data: its own keys in order, its JSON, and the spread a component would make. */
function shape(record: object): unknown {
  return { keys: Object.keys(record), json: JSON.parse(JSON.stringify(record)), spread: { ...record } };
}

describe('a generated column copy', () => {
  test('builds every record a finder, an include and Model.new return, and they equal the runtime loop\'s', async () => {
    let copies = 0;
    const generated = generatedCopy(JOB_COLUMNS);
    const counted = defineColumnCopy((record, row) => {
      copies++;
      generated(record, row);
    });
    const withCopy = models(counted);
    const withLoop = models(undefined);
    await seed(withCopy);
    await seed(withLoop);

    copies = 0;
    const read = async (m: ReturnType<typeof models>) => ({
      all: (await m.Job.order({ id: 'asc' })).map(shape),
      found: shape(await m.Job.includes('client').find('j1')),
      byKey: shape(await m.Job.find('j2')),
      built: shape(m.Job.new({ id: 'n1', title: 'New' })),
    });
    const copied = await read(withCopy);
    // Two records of all(), one of each find, one of new: each went through the generated copy.
    expect(copies).toBe(5);
    expect(copied).toEqual(await read(withLoop));
    expect(copied.found).toEqual({
      keys: [...JOB_COLUMNS, 'client'],
      json: { id: 'j1', title: 'Paint', status: 'active', country: null, priority: 2, client_id: 'c1', created_at: 1, client: { id: 'c1', name: 'Acme' } },
      spread: expect.objectContaining({ id: 'j1', title: 'Paint', country: null }),
    });
  });

  test('records built by it save, reload and track changes as the runtime loop\'s do', async () => {
    const m = models(generatedCopy(JOB_COLUMNS));
    await seed(m);
    const job = await m.Job.find('j2');
    expect(job.changed_p()).toBe(false);
    job.title = 'Sanded';
    expect(job.changes()).toEqual({ title: ['Sand', 'Sanded'] });
    await job.save();
    expect((await m.Job.find('j2')).title).toBe('Sanded');
    await job.reload();
    expect(job.changed_p()).toBe(false);
  });

  test('a shadowed column stays off the record and reads through read_attribute', async () => {
    let copies = 0;
    const generated = generatedCopy(['id']);
    const m = models(
      generatedCopy(JOB_COLUMNS),
      true,
      defineColumnCopy((record, row) => {
        copies++;
        generated(record, row);
      }),
    );
    await seed(m);
    copies = 0;
    const client = (await m.Client.find('c1')) as unknown as Record<string, unknown> & { read_attribute(name: string): unknown };
    expect(copies).toBe(1);
    expect(Object.keys(client)).toEqual(['id']);
    expect(client.read_attribute('name')).toBe('Acme');
  });
});
