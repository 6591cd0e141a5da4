// Worker entry: the CLI ships TypeScript sources, so a worker registers tsx first, as bin/zero-record.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./plan-worker.ts');
