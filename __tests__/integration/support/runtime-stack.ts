// A stack session with the runtime pointed at its Zero client (configureZero), for test files that
// exercise the models end to end.
import { afterAll, beforeAll } from 'vitest';
import { configureZero } from '../../../runtime/index.ts';
import { startStackSession, type StackSession } from './stack-session.ts';

export type RuntimeStack = StackSession;

export async function startRuntimeStack(): Promise<RuntimeStack> {
  const session = await startStackSession();
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
export function useRuntimeStack(): () => RuntimeStack {
  let env: RuntimeStack | undefined;
  beforeAll(async () => {
    env = await startRuntimeStack();
  });
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (!env) throw new Error('The runtime stack is not running (beforeAll failed or has not run).');
    return env;
  };
}
