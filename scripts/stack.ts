// `npm run stack [-- --modern]`: a throwaway PostgreSQL + zero-cache for local development against the
// example schema (examples/stack). Legacy mode deploys permissions; modern mode serves the example's
// endpoints (examples/stack/server.ts, as `zero-record serve` would) and points zero-cache at them.
// Runs until Ctrl-C, then stops everything and removes every temp file.
import * as exampleServer from '../examples/stack/server.ts';
import { serverAppFrom } from '../runtime/server/index.ts';
import { startStack, type StackOptions } from './stack/start-stack.ts';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--modern');
if (unknown.length > 0) {
  console.error(`npm run stack: unknown argument ${unknown.join(' ')}. Usage: npm run stack [-- --modern]`);
  process.exit(2);
}
const options: StackOptions = args.includes('--modern')
  ? { mode: 'modern', server: serverAppFrom(exampleServer, 'examples/stack/server.ts') }
  : { mode: 'legacy' };

const stack = await startStack(options);
const { timings } = stack;
const modern = stack.server
  ? `  endpoints   ZERO_QUERY_URL=${stack.server.queryURL}  ZERO_MUTATE_URL=${stack.server.mutateURL}   (started in ${timings.permissionsMs} ms; CRUD mutations off)
Client: new Zero({ cacheURL: '${stack.cacheUrl}', schema: modernSchema, mutators, userID, auth: userID, kvStore: 'mem' })
        (examples/stack/schema.ts, mutators.ts; read through examples/stack/queries.ts)`
  : `  permissions deployed in ${timings.permissionsMs} ms
Client: new Zero({ cacheURL: '${stack.cacheUrl}', schema, userID, kvStore: 'mem' })  (schema: examples/stack/schema.ts)`;
console.log(`zero-record stack (${stack.mode}) ready in ${(timings.totalMs / 1000).toFixed(1)} s
  PostgreSQL  ${stack.pgUrl}   (cluster ${timings.postgresMs} ms, schema ${timings.schemaMs} ms)
  zero-cache  ${stack.cacheUrl}   (ready ${timings.zeroCacheMs} ms)
${modern}
  logs        ${stack.dir}
Ctrl-C stops everything.`);

let stopping = false;
const shutdown = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping zero-cache and PostgreSQL...`);
  stack.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
// Keep the event loop alive until a signal arrives (the child processes are unref'd).
setInterval(() => {}, 1 << 30);
