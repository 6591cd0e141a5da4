// Older name kept for code written before the custom methods existed.
export { Job as LegacyJob } from './models';
