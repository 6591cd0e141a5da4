// Which sync path this run of the tier exercises (vitest.integration.config.ts runs every suite in both):
// 'legacy': permissions deployed, client-built queries, CRUD mutators (schema flags on);
// 'modern': no legacy flag, no permission, CRUD off; named queries and custom mutators through zero-record/server.
import type { StackMode } from '../../../scripts/stack/start-stack.ts';

export const SYNC_MODE: StackMode = process.env['ZERO_RECORD_SYNC'] === 'modern' ? 'modern' : 'legacy';
