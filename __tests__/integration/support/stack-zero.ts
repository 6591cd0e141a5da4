// A real Zero client connected to a test stack's zero-cache, over the example schema of the stack's
// mode: legacy (flags on), or modern (no flag; the custom mutators the stack's endpoints run, and the
// context the named queries see on the client, as the endpoints' authenticate makes it on the server).
import { Zero } from '@rocicorp/zero';
import { randomUUID } from 'node:crypto';
import { mutators } from '../../../examples/stack/mutators.ts';
import { modernSchema, schema } from '../../../examples/stack/schema.ts';
import { installNodeWebSocket } from '../../../scripts/stack/node-websocket.ts';
import type { StackAddress } from './shared-stack.ts';

/** One Zero type for both modes: the schemas differ only in the legacy flags. */
export type StackZero = Zero<typeof schema>;

/** `userID` is also the auth token: the example app's `authenticate` trusts it (examples/stack/server.ts). */
export function stackZero(stack: StackAddress, userID = 'integration-user'): StackZero {
  installNodeWebSocket();
  const common = { userID, cacheURL: stack.cacheUrl, kvStore: 'mem', logLevel: 'error' } as const;
  if (stack.mode === 'legacy') return new Zero({ ...common, schema });
  return new Zero({ ...common, auth: userID, schema: modernSchema, mutators, context: { userID } }) as unknown as StackZero;
}

/** A fresh id, as Rails apps using UUID primary keys make them. */
export const newId = (): string => randomUUID();
