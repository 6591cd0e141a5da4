// Bulk actions for the jobs list toolbar.
import { deleteJob, updateJob, upsertJob, type JobMutationResult, type JobStatus } from '$lib/zero';
import * as models from '$lib/zero/models';

export async function bulkSetStatus(ids: string[], status: JobStatus) {
  const results = await Promise.all(ids.map((id) => updateJob(id, { status })));
  const failed = results.filter((r): r is Extract<JobMutationResult, { success: false }> => !r.success);
  if (failed.length) console.error('bulkSetStatus failed for', failed.map((f) => f.id));
  return { ok: failed.length === 0, failed: failed.map((f) => f.id) };
}

export async function bulkDelete(ids: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const id of ids) {
    const res = await deleteJob(id);
    if (res.success) deleted++;
  }
  return deleted;
}

/** "Duplicate" in the toolbar: same job, new id, back to draft. */
export async function duplicate(job: models.Job) {
  const { id: _old, created_at: _c, updated_at: _u, ...rest } = job;
  const copy = { ...rest, id: crypto.randomUUID(), title: `${job.title} (copy)`, status: 'draft' as const };
  const result = await upsertJob(copy);
  return result.success ? copy.id : null;
}

// namespace import, because someone thought it read nicer
export const archive = (id: string) => models.updateJob(id, { status: 'done' });
