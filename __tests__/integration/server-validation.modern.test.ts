// `{ wait: 'server' }` against the real endpoints: the server validates more than the client (here a
// shorter title limit, as a uniqueness check or a rule only the server can know would), so the
// write applies optimistically, the server refuses it, and the client gets RecordInvalidError with
// the server's messages while the row leaves its live views (Zero rolls the optimistic change back); Rails' non-raising
// forms put the same messages in `errors`.
import { describe, expect, it } from 'vitest';
import { queries } from '../../examples/stack/queries.ts';
import { modernSchema, type StackSchema } from '../../examples/stack/schema.ts';
import { defineStackModels } from '../../examples/stack/models.ts';
import { defineModelMutators, RecordInvalidError, RecordNotUniqueError } from '../../runtime/index.ts';
import { waitForValue } from '../support/wait.ts';
import { ActiveJob } from './support/models.ts';
import { has, lacks } from './support/rows.ts';
import { useRuntimeStack } from './support/runtime-stack.ts';
import { exampleStackOptions } from './support/stack-session.ts';
import { newId } from './support/stack-zero.ts';
import { ViewWaiter } from './support/view-waiter.ts';

type Job = Awaited<ReturnType<typeof ActiveJob.create>>;

// The server's models: the client's, with one more rule on the title.
const server = defineStackModels(modernSchema as unknown as StackSchema, queries);
const strictJob = { ...server.jobConfig, validations: { ...server.jobConfig.validations, title: [...(server.jobConfig.validations['title'] ?? []), { kind: 'length', maximum: 20 } as const] } };
const serverMutators = defineModelMutators({ job: strictJob, client: server.clientConfig, task: server.taskConfig });

const session = useRuntimeStack(exampleStackOptions({ mutators: serverMutators }));

describe("{ wait: 'server' } with a validation only the server makes", () => {
  it('raises RecordInvalidError with the server messages, and the row leaves the live view', async () => {
    const jobs = new ViewWaiter<Job>(ActiveJob.active());
    const id = newId();
    const seen: boolean[] = [];
    const stopWatching = ActiveJob.active().subscribe((rows) => seen.push(rows.some((r) => r.id === id)));
    try {
      const title = 'A title the client allows';
      const error = await ActiveJob.create_bang({ id, title, status: 'active' }, { wait: 'server' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordInvalidError);
      expect((error as RecordInvalidError).fullMessages).toEqual(['Title is too long (maximum is 20 characters)']);
      expect((error as RecordInvalidError).errorDetails).toEqual({ title: [{ error: 'too_long', count: 20 }] }); // Rails' errors.details, across the wire
      expect(seen).toContain(true); // applied optimistically first
      await jobs.until(lacks(id), 'the refused row gone from the live view');
      const rows = await waitForValue('the jobs table', async () => session().sql`SELECT id FROM jobs WHERE id = ${id}`);
      expect(rows).toHaveLength(0);

      // The same write within the server's rule goes through.
      const ok = await ActiveJob.create_bang({ title: 'Short title', status: 'active' }, { wait: 'server' });
      await jobs.until(has(ok.id, 'Short title'), 'the accepted row in the live view');
    } finally {
      stopWatching();
      jobs.close();
    }
  });

  it("lands in errors for Rails' save / update / create (false, no exception), as a client-side failure does", async () => {
    const created = await ActiveJob.create({ title: 'A title the client allows', status: 'active' }, { wait: 'server' });
    expect([created.new_record_p(), created.errors.full_messages()]).toEqual([true, ['Title is too long (maximum is 20 characters)']]);
    created.title = 'Short';
    expect(await created.save({ wait: 'server' })).toBe(true);
    expect([created.persisted_p(), created.errors.empty_p()]).toEqual([true, true]);
    expect(await created.update({ title: 'Another long title, too long' }, { wait: 'server' })).toBe(false);
    expect(created.errors.get('title')).toEqual(['is too long (maximum is 20 characters)']);
    expect(created.changed()).toEqual(['title']);
    const rows = await waitForValue('the stored title', async () => session().sql`SELECT title FROM jobs WHERE id = ${created.id}`);
    expect(rows).toEqual([{ title: 'Short' }]);
  });
});

describe('a key another client already wrote', () => {
  it("raises RecordNotUniqueError, and create_or_find_by finds the row instead, as Rails rescues RecordNotUnique", async () => {
    const id = newId();
    // Written by SQL, never read by this client: its duplicate check asks the server's answer for the key.
    await session().sql`INSERT INTO jobs (id, title, status) VALUES (${id}, 'already there', 'done')`;
    const error = await ActiveJob.create_bang({ id, title: 'mine', status: 'done' }, { wait: 'server' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordNotUniqueError);
    const found = await ActiveJob.create_or_find_by({ id, title: 'already there', status: 'done' });
    expect([found.id, found.title, found.persisted_p()]).toEqual([id, 'already there', true]);
  });
});
