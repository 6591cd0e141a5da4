// The tier's one stack: PostgreSQL + zero-cache in modern mode with ZERO_MUTATE_URL at the Rails push
// endpoint (app/server.rb) and the queries answered by the example app's Node query endpoint, a Zero
// client behind the runtime's models, and a SQL connection for asserting what reached PostgreSQL.
import * as exampleServer from '../../../examples/stack/server.ts';
import { serverAppFrom } from '../../../runtime/server/index.ts';
import { freePortRange } from '../../../scripts/stack/ports.ts';
import { requireRuby } from '../../rails/ruby.ts';
import { startRuntimeStack, type RuntimeStack } from '../../integration/support/runtime-stack.ts';
import { RailsPushServer } from './rails-push-server.ts';

/** zero-cache's upstream schema for the stack's app id `zero`, shard 0 (scripts/stack/zero-cache.ts). */
export const ZERO_SCHEMA = 'zero_0';

export interface PushSession extends RuntimeStack {
  rails: RailsPushServer;
}

export async function startPushSession(): Promise<PushSession> {
  requireRuby(['rails', 'active_record', 'action_controller', 'pg', 'webrick', 'rack']);
  const port = await freePortRange(1);
  const mutateURL = `http://127.0.0.1:${port}/zero/push`;
  const server = { ...serverAppFrom(exampleServer, 'examples/stack/server.ts'), logLevel: 'error' as const };
  // zero-cache only calls ZERO_MUTATE_URL on a push: the Rails server can start once PostgreSQL is up.
  const stack = await startRuntimeStack({ mode: 'modern', server, mutateURL });
  const rails = new RailsPushServer(port, stack.stack.pgUrl);
  try {
    await rails.start();
  } catch (error) {
    await stack.close();
    throw error;
  }
  return {
    ...stack,
    rails,
    async close() {
      await rails.stop();
      await stack.close();
    },
  };
}
