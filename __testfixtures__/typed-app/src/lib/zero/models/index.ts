export * from './job.generated';
export { Job } from './job.custom';
