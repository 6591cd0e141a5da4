// Write helpers over the generated mutators.
import { createJob, deleteJob, updateJob, upsertJob, type CreateJobData } from '$lib/zero/job.generated';
import { createTask as addTask } from '$lib/zero/task.generated';

export async function create(data: CreateJobData): Promise<string> {
  const job = await createJob(data);
  await addTask({ job_id: job.id, title: 'First step', position: 1 });
  return job.id;
}

export async function close(id: string): Promise<void> {
  await updateJob(id, { status: 'done' });
}

export async function copy(data: CreateJobData, id: string): Promise<void> {
  await upsertJob({ ...data, id });
}

// Whether `data` holds an id is for its type to say (the type query reads the legacy mutator's): by syntax, reported.
export async function restore(data: CreateJobData & { id: string }): Promise<void> {
  await upsertJob(data);
}

// Rails' upsert resolves to nothing, where the legacy one resolved { id }: reported.
export async function copied(data: CreateJobData, id: string): Promise<string> {
  const result = await upsertJob({ ...data, id });
  return result.id;
}

/** Passed along as a callback: the codemod does not guess a wrapper. */
export const remover: (id: string) => Promise<void> = deleteJob;
