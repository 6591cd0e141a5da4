// Which sync path this run of the tier exercises (vitest.integration.config.ts runs every suite in both):
// 'legacy': permissions deployed, client-built queries, CRUD mutators (schema flags on);
// 'modern': no legacy flag, no permission, CRUD off; named queries and custom mutators through zero-record/server.
import type { StackMode } from '../../../scripts/stack/start-stack.ts';

/** The mode a ZERO_RECORD_SYNC value names (a project's `env` in the config, or this worker's process env). */
export const syncModeOf = (value: string | undefined): StackMode => (value === 'modern' ? 'modern' : 'legacy');

export const SYNC_MODE: StackMode = syncModeOf(process.env['ZERO_RECORD_SYNC']);
