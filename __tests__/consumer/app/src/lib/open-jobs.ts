// Plain TypeScript uses the Active flavour (async finders); ESLint's zero-record rule has nothing to say here.
import { ActiveJob } from '$lib/models/job.active';

export async function openTitles(): Promise<string[]> {
  const jobs = await ActiveJob.open().order('title');
  return jobs.map((job) => job.title);
}
