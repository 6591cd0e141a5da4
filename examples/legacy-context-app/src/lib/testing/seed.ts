// Seed data for the demo and the tests, written through the app's own (legacy) mutators.
import { createClient, createJob, createTask, createUser } from '$lib/zero';

export const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export async function seedJobBoard(): Promise<void> {
  await createUser({ id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin' });
  await createUser({ id: 'user-bob', name: 'Bob Builder', email: 'bob@example.com', role: 'technician' });

  await createClient({ id: 'client-acme', name: 'Acme Corp', city: 'Springfield' });
  await createClient({ id: 'client-globex', name: 'Globex', city: 'Shelbyville' });

  await createJob({ id: 'job-roof', title: 'Fix the roof', status: 'active', priority: 3, client_id: 'client-acme', assignee_id: 'user-ada', created_at: T0 });
  await createJob({ id: 'job-boiler', title: 'Replace boiler', status: 'on_hold', priority: 2, client_id: 'client-globex', assignee_id: 'user-bob', created_at: T0 + DAY });
  await createJob({ id: 'job-paint', title: 'Paint the fence', status: 'draft', priority: 1, client_id: 'client-acme', created_at: T0 + 2 * DAY });
  await createJob({ id: 'job-wiring', title: 'Rewire kitchen', status: 'done', priority: 2, client_id: 'client-globex', assignee_id: 'user-ada', created_at: T0 + 3 * DAY });
  await createJob({ id: 'job-gutter', title: 'Clean gutters', status: 'active', priority: 0, assignee_id: 'user-bob', due_at: T0, created_at: T0 + 4 * DAY });

  await createTask({ id: 'task-1', job_id: 'job-roof', title: 'Buy shingles', position: 1, done: true });
  await createTask({ id: 'task-2', job_id: 'job-roof', title: 'Remove old tiles', position: 2 });
  await createTask({ id: 'task-3', job_id: 'job-roof', title: 'Lay new tiles', position: 3 });
  await createTask({ id: 'task-4', job_id: 'job-boiler', title: 'Order the part', position: 1 });
}
