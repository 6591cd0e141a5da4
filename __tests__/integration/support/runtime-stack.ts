// A stack session with the runtime pointed at its Zero client (configureZero), for test files that
// exercise the models end to end.
import { afterAll, beforeAll } from 'vitest';
import { configureZero } from '../../../runtime/index.ts';
import type { Stack, StackOptions } from '../../../scripts/stack/start-stack.ts';
import { joinSharedStack, type StackAddress } from './shared-stack.ts';
import { startStackSession, type StackSession } from './stack-session.ts';

export type RuntimeStack<S extends StackAddress = Stack> = StackSession<S>;

async function withRuntime<S extends StackAddress>(session: StackSession<S>): Promise<RuntimeStack<S>> {
  configureZero(() => session.z);
  return {
    ...session,
    async close() {
      configureZero(undefined);
      await session.close();
    },
  };
}

/** Starts a stack of the caller's own, the runtime on it. */
export async function startRuntimeStack(options?: StackOptions): Promise<RuntimeStack> {
  return withRuntime(await startStackSession(options));
}

/** Registers beforeAll/afterAll opening `open` for a test file; the returned getter gives the session. */
function useSession<S extends StackAddress>(open: () => Promise<RuntimeStack<S>>): () => RuntimeStack<S> {
  let env: RuntimeStack<S> | undefined;
  beforeAll(async () => {
    env = await open();
  });
  afterAll(async () => {
    await env?.close();
  });
  return () => {
    if (!env) throw new Error('The runtime stack is not running (beforeAll failed or has not run).');
    return env;
  };
}

/** A stack of the file's own: for files that stop or restart zero-cache, or bring their own endpoints. */
export function useRuntimeStack(options?: StackOptions): () => RuntimeStack {
  return useSession(() => startRuntimeStack(options));
}

/** The runtime on this mode's shared stack (shared-stack.ts says which files may share it). */
export function useSharedRuntimeStack(): () => RuntimeStack<StackAddress> {
  return useSession(async () => withRuntime(await joinSharedStack()));
}
