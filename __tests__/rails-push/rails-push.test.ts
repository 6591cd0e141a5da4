// Rails as the write authority: every write of the real Zero client goes through zero-cache to the Rails push endpoint
// (rails/lib/zero_record/push, mounted as an engine in app/server.rb), which runs it as Active Record on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActiveClient, ActiveJob, ActiveTask } from '../../examples/stack/modern-models.ts';
import { MutationError, RecordInvalidError } from '../../runtime/index.ts';
import { has, lacks } from '../integration/support/rows.ts';
import { newId } from '../integration/support/stack-zero.ts';
import { ViewWaiter } from '../integration/support/view-waiter.ts';
import { waitUntil } from '../support/wait.ts';
import { startPushSession, ZERO_SCHEMA, type PushSession } from './support/push-session.ts';

let session: PushSession;
beforeAll(async () => {
  session = await startPushSession();
});
afterAll(async () => {
  await session?.close();
});

const jobRow = async (id: string) => (await session.sql`SELECT id, title, status FROM jobs WHERE id = ${id}`)[0];

describe('writes from ActiveJob reach PostgreSQL through Rails', () => {
  it('create, update and destroy', async () => {
    const job = await ActiveJob.create({ title: 'Through Rails', status: 'active' }, { wait: 'server' });
    expect(await jobRow(job.id)).toEqual({ id: job.id, title: 'Through Rails', status: 'active' });
    await job.update({ title: 'Updated through Rails' }, { wait: 'server' });
    expect((await jobRow(job.id))?.title).toBe('Updated through Rails');
    await job.destroy({ wait: 'server' });
    expect(await jobRow(job.id)).toBeUndefined();
  });
});

describe('Rails validations and callbacks decide', () => {
  it('a uniqueness violation raises RecordInvalidError with Rails messages; the optimistic row leaves the live view', async () => {
    const email = `taken-${newId()}@example.com`;
    await ActiveClient.create({ name: 'First', email }, { wait: 'server' });
    const clients = new ViewWaiter(ActiveClient.where({ email }));
    try {
      const id = newId();
      const error = await ActiveClient.create({ id, name: 'Second', email }, { wait: 'server' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordInvalidError);
      expect((error as RecordInvalidError).fullMessages).toEqual(['Email has already been taken']);
      expect((error as RecordInvalidError).errors).toEqual({ email: ['has already been taken'] });
      expect((error as RecordInvalidError).model).toBe('Client');
      await clients.until(lacks(id), 'the refused client gone from the live view');
      expect(await session.sql`SELECT id FROM clients WHERE id = ${id}`).toHaveLength(0);
    } finally {
      clients.close();
    }
  });
});
