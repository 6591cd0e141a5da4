// Model barrel. The hand-written Job (job.custom.ts) replaces the generated one: an explicit
// re-export wins over `export *`.
export * from './job.generated';
export * from './client.generated';
export * from './task.generated';
export * from './user.generated';
export { Job } from './job.custom';
export type { JobWithClient } from './job.custom';
