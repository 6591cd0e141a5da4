// Write-side helpers used by buttons and forms (thin wrappers over the generated mutators).
import { Job, createJob, deleteJob, updateJob, upsertJob, type CreateJobData } from '$lib/zero/job.generated';
import { createTask } from '$lib/zero/task.generated';

export async function completeJob(id: string): Promise<void> {
  await updateJob(id, { status: 'done' });
}

export async function reopenJob(id: string): Promise<void> {
  await updateJob(id, { status: 'active' });
}

export async function removeJob(id: string): Promise<void> {
  await deleteJob(id);
}

/** Creates a job together with its first checklist items. */
export async function createJobWithTasks(data: CreateJobData, taskTitles: string[]): Promise<string> {
  const job = await createJob(data);
  for (const [position, title] of taskTitles.entries()) {
    await createTask({ job_id: job.id, title, position });
  }
  return job.id;
}

/** Title for toasts and the console; '(deleted job)' when the row is gone. */
export function jobTitle(id: string): string {
  return Job.find(id).current?.title ?? '(deleted job)';
}

/** Copies a job as a new draft; resolves to the new id, or null when the source is missing. */
export async function duplicateJob(id: string, newId: string): Promise<string | null> {
  const source = Job.find(id);
  const job = source.current;
  source.destroy();
  if (!job) return null;
  await upsertJob({
    id: newId,
    title: `${job.title} (copy)`,
    status: 'draft',
    priority: job.priority,
    client_id: job.client_id,
    assignee_id: job.assignee_id,
    due_at: job.due_at,
  });
  return newId;
}
