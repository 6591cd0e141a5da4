// A real Zero client connected to a test stack's zero-cache, over the example schema.
import { Zero } from '@rocicorp/zero';
import { randomUUID } from 'node:crypto';
import { schema } from '../../../examples/stack/schema.ts';
import { installNodeWebSocket } from '../../../scripts/stack/node-websocket.ts';
import type { Stack } from '../../../scripts/stack/start-stack.ts';

export function stackZero(stack: Stack, userID = 'integration-user'): Zero<typeof schema> {
  installNodeWebSocket();
  return new Zero({ userID, cacheURL: stack.cacheUrl, schema, kvStore: 'mem', logLevel: 'error' });
}

/** A fresh id, as Rails apps using UUID primary keys make them. */
export const newId = (): string => randomUUID();
