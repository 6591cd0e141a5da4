// The stack a test file shares with the other files of its mode (started once per mode by
// start-shared-stack.ts, the global setup of the tier's node projects). Only files that neither stop
// nor restart zero-cache and that run the example app's own endpoints share it; each keeps to rows it
// creates (fresh ids) and to its own Zero client (its own client group), so no file's writes reach
// another's assertions. Files that crash zero-cache or bring their own endpoints start their own stack.
import { inject } from 'vitest';
import type { Stack } from '../../../scripts/stack/start-stack.ts';
import { openStackSession, type StackSession } from './stack-session.ts';

/** What a test file may use of a stack it does not own: where it is, not how to stop it. */
export type StackAddress = Pick<Stack, 'pgUrl' | 'cacheUrl' | 'mode'>;

declare module 'vitest' {
  export interface ProvidedContext {
    sharedStack: StackAddress | undefined;
  }
}

export class SharedStackMissingError extends Error {
  override name = 'SharedStackMissingError';
}

/** The running shared stack of this file's project. */
export function sharedStackAddress(): StackAddress {
  const address = inject('sharedStack');
  if (!address) {
    throw new SharedStackMissingError(
      'No shared stack was provided to this file: run it through a project whose globalSetup is ' +
        "__tests__/integration/support/start-shared-stack.ts (npm run test:integration), or give it its own stack with useRuntimeStack().",
    );
  }
  return address;
}

/** A Zero client on this mode's shared stack; closing it leaves the stack running. */
export function joinSharedStack(): Promise<StackSession<StackAddress>> {
  return openStackSession(sharedStackAddress(), async () => {});
}
