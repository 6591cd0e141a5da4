// Sample rows written through the models, as a user would create them: the local Zero starts empty, and so does a
// fresh `npm run stack`.
import { ActiveClient } from './models/client.active.ts';
import { ActiveJob } from './models/job.active.ts';

export const SAMPLE_CLIENTS = [
  { id: 'client-acme', name: 'Acme Roofing', email: 'office@acme.example' },
  { id: 'client-globex', name: 'Globex Gardens', email: null },
] as const;

export const SAMPLE_JOBS = [
  { id: 'job-roof', title: 'Fix the roof', status: 'active', priority: 1, client_id: 'client-acme' },
  { id: 'job-gutter', title: 'Clean the gutters', status: 'draft', priority: 3, client_id: 'client-acme' },
  { id: 'job-hedge', title: 'Trim the hedge', status: 'active', priority: 2, client_id: 'client-globex' },
  { id: 'job-pond', title: 'Dig a pond', status: 'draft', priority: null, client_id: 'client-globex' },
  { id: 'job-fence', title: 'Paint the fence', status: 'done', priority: 4, client_id: 'client-globex' },
] as const;

/** Creates the sample clients and jobs (validated; `create_bang` raises on an invalid sample, as `create!`). */
export async function seedSampleData(now = Date.now()): Promise<void> {
  const timestamps = { created_at: now, updated_at: now };
  for (const client of SAMPLE_CLIENTS) await ActiveClient.create_bang({ ...client, ...timestamps });
  for (const job of SAMPLE_JOBS) await ActiveJob.create_bang({ ...job, ...timestamps });
}
