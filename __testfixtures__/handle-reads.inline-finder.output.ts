// Model-object finders read in place, without a variable.
import { ActiveJob } from '$lib/models/job.active';

export async function jobTitle(id: string): Promise<string | undefined> {
  return (await ActiveJob.find_by({ id }))?.title;
}

export async function firstActive(): Promise<string | undefined> {
  const rows = await ActiveJob.where({ status: 'active' });
  return rows[0]?.id;
}
