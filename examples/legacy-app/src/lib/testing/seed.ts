// Test and demo helper: fills an empty local Zero with a small, fixed job board.
import { createClient } from '$lib/zero/client.generated';
import { createJob } from '$lib/zero/job.generated';
import { createTask } from '$lib/zero/task.generated';
import { createUser } from '$lib/zero/user.generated';

/** Fixed clock of the fixture: every due date is relative to it. */
export const SEED_NOW = Date.UTC(2026, 0, 15, 12);
const DAY = 24 * 60 * 60 * 1000;

export async function seedJobBoard(): Promise<void> {
  await createUser({ id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin' });
  await createUser({ id: 'user-bob', name: 'Bob Builder', email: 'bob@example.com', role: 'technician' });

  await createClient({ id: 'client-acme', name: 'Acme Corp', city: 'Springfield' });
  await createClient({ id: 'client-globex', name: 'Globex', city: null });

  await createJob({
    id: 'job-1', title: 'Fix the boiler', status: 'active', priority: 3,
    client_id: 'client-acme', assignee_id: 'user-bob', due_at: SEED_NOW - 2 * DAY, created_at: SEED_NOW - 10 * DAY,
  });
  await createJob({
    id: 'job-2', title: 'Paint the fence', status: 'active', priority: 1,
    client_id: 'client-acme', assignee_id: null, due_at: SEED_NOW + 3 * DAY, created_at: SEED_NOW - 8 * DAY,
  });
  await createJob({
    id: 'job-3', title: 'Install solar panels', status: 'on_hold', priority: 2,
    client_id: 'client-globex', assignee_id: 'user-ada', due_at: null, created_at: SEED_NOW - 6 * DAY,
  });
  await createJob({
    id: 'job-4', title: 'Replace windows', status: 'done', priority: 2,
    client_id: 'client-globex', assignee_id: 'user-bob', due_at: SEED_NOW - 5 * DAY, created_at: SEED_NOW - 4 * DAY,
  });
  await createJob({
    id: 'job-5', title: 'Quote for roof', status: 'draft', priority: 1,
    client_id: null, assignee_id: null, due_at: null, created_at: SEED_NOW - 1 * DAY,
  });

  await createTask({ id: 'task-1', job_id: 'job-1', title: 'Order spare valve', position: 1, done: true });
  await createTask({ id: 'task-2', job_id: 'job-1', title: 'Drain the system', position: 2 });
  await createTask({ id: 'task-3', job_id: 'job-1', title: 'Pressure test', position: 3 });
  await createTask({ id: 'task-4', job_id: 'job-2', title: 'Buy paint', position: 1 });
}
