#!/usr/bin/env node
// Development entry (npm run migrate / generate / bench): tsx runs the TypeScript sources, so no build step.
// The published CLI is the bundle packages/cli builds from scripts/zero-record.ts.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/zero-record-dev.ts');
