// Global setup of the integration tier's node projects: starts the shared stack of the project's sync
// mode once (with the example app's endpoints, in this main process, in modern mode) and hands its
// address to the files through `provide` (shared-stack.ts). A failed start fails the tier.
import type { TestProject } from 'vitest/node';
import { startStack } from '../../../scripts/stack/start-stack.ts';
import { syncModeOf } from './mode.ts';
import { exampleStackOptions } from './stack-session.ts';

export default async function startSharedStack(project: TestProject): Promise<() => Promise<void>> {
  const mode = syncModeOf(project.config.env['ZERO_RECORD_SYNC']);
  const stack = await startStack(exampleStackOptions({}, mode));
  console.log(`shared stack start, ${stack.mode} mode (ms):`, JSON.stringify(stack.timings));
  project.provide('sharedStack', { pgUrl: stack.pgUrl, cacheUrl: stack.cacheUrl, mode: stack.mode });
  return () => stack.stop();
}
