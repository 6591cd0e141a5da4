// Model-object finders read in place, without a variable.
import { Job } from '$lib/zero/job.generated';

export async function jobTitle(id: string): Promise<string | undefined> {
  return Job.find(id).current?.title;
}

export async function firstActive(): Promise<string | undefined> {
  const rows = Job.where({ status: 'active' }).current;
  return rows[0]?.id;
}
