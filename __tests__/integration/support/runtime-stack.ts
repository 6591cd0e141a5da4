// A stack session with the runtime pointed at its Zero client (configureZero), for test files that
// exercise the models end to end.
import { afterAll, beforeAll } from 'vitest';
import { configureZero } from '../../../runtime/index.ts';
import type { StackOptions } from '../../../scripts/stack/start-stack.ts';
import { startStackSession, type StackSession } from './stack-session.ts';

export type RuntimeStack = StackSession;

export async function startRuntimeStack(options?: StackOptions): Promise<RuntimeStack> {
  const session = await startStackSession(options);
  configureZero(() => session.z);
  return {
    ...session,
    async close() {
      configureZero(undefined);
      await session.close();
    },
  };
}

/** Registers beforeAll/afterAll for a test file; the returned getter gives the running stack. */
export function useRuntimeStack(options?: StackOptions): () => RuntimeStack {
  let env: RuntimeStack | undefined;
  beforeAll(async () => {
    env = await startRuntimeStack(options);
  });
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (!env) throw new Error('The runtime stack is not running (beforeAll failed or has not run).');
    return env;
  };
}
