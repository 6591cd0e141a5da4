#!/usr/bin/env node
// The package ships TypeScript sources; tsx compiles them on the fly so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/zero-record.ts');
