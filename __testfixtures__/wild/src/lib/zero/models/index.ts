// Barrel for the model objects. Custom modules win over the generated ones for the model object
// itself (explicit re-exports shadow the `export *`), everything else comes straight through.
export * from './job.generated';
export * from './client.generated';
export * from './task.generated';
export * from './user.generated';
export { Job } from './job.custom';
export type { JobWith } from './job.custom';
export { Client } from './client.custom';
