// Display helpers shared by the job board.
import type { Job, JobStatus } from '$lib/zero/job.generated';

const STATUS_LABELS: Record<JobStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  on_hold: 'On hold',
  done: 'Done',
};

export function statusLabel(status: JobStatus): string {
  return STATUS_LABELS[status];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "due in 3 days", "due today", "3 days overdue", or "no due date". */
export function formatDue(dueAt: number | null, now: number): string {
  if (dueAt === null) return 'no due date';
  const days = Math.round((dueAt - now) / DAY_MS);
  if (days === 0) return 'due today';
  if (days > 0) return `due in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} overdue`;
}

export function isOverdue(job: Pick<Job, 'due_at' | 'status'>, now: number): boolean {
  return job.status !== 'done' && job.due_at !== null && job.due_at < now;
}

export function priorityLabel(priority: number): string {
  if (priority >= 3) return 'High';
  if (priority === 2) return 'Normal';
  return 'Low';
}
