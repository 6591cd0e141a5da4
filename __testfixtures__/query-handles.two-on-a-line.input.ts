import { Job } from '$lib/zero/job.generated';

// Two handles on one line, for one reason: one line of the report.
export function pick(status: string | null) {
  return status ? Job.where({ status }) : Job.all();
}
