// Console helpers (plain JavaScript: loaded from the browser console via `await import('/src/lib/utils/debug.js')`).
import { Job } from '$lib/zero/job.generated';
import { Task } from '$lib/zero/task.generated';

/** One line per job: "job-1 [active] Fix the boiler (2/3 tasks open)". */
export function describeJobs() {
  const jobs = Job.all();
  const tasks = Task.all();
  const lines = jobs.current.map((job) => {
    const own = tasks.current.filter((task) => task.job_id === job.id);
    const open = own.filter((task) => !task.done).length;
    return `${job.id} [${job.status}] ${job.title} (${open}/${own.length} tasks open)`;
  });
  jobs.destroy();
  tasks.destroy();
  return lines.sort();
}
