// `npm run stack`: a throwaway PostgreSQL + zero-cache for local development against the example
// schema (examples/stack). Runs until Ctrl-C, then stops both and removes every temp file.
import { startStack } from './stack/start-stack.ts';

const stack = await startStack();
const { timings } = stack;
console.log(`zero-record stack ready in ${(timings.totalMs / 1000).toFixed(1)} s
  PostgreSQL  ${stack.pgUrl}   (cluster ${timings.postgresMs} ms, schema ${timings.schemaMs} ms)
  zero-cache  ${stack.cacheUrl}   (permissions ${timings.permissionsMs} ms, ready ${timings.zeroCacheMs} ms)
  logs        ${stack.dir}
Client: new Zero({ cacheURL: '${stack.cacheUrl}', schema, userID, kvStore: 'mem' })  (schema: examples/stack/schema.ts)
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
