/**
 * `zero-record serve`: the query and mutate endpoints zero-cache calls, as a ready Node HTTP server.
 * Configured from the environment (flags win); stops cleanly on SIGINT / SIGTERM.
 */
// Through the library's public entry points: the CLI build imports these from the installed `zero-record`, so the
// server and the app module it loads share one copy of the runtime.
import { ConfigError } from '../runtime/index.ts';
import { loadServerApp, serve } from '../runtime/server/index.ts';
import { parseCommandArgs } from './cli/args.ts';
import { CliError } from './cli/errors.ts';

export const USAGE = `Usage: zero-record serve [--app <module>] [--port <n>] [--host <addr>] [--database <url>]

Serves POST /query (ZERO_QUERY_URL) and POST /mutate (ZERO_MUTATE_URL) for zero-cache, GET / for health checks.
Point zero-cache at it: ZERO_QUERY_URL=http://<host>:<port>/query ZERO_MUTATE_URL=http://<host>:<port>/mutate (docs/deploy.md).

  --app <module>     ZERO_RECORD_APP     module exporting schema, queries, mutators [, authenticate, policies]
  --port <n>         PORT                default 4850 (0: any free port)
  --host <addr>      HOST                default 127.0.0.1; 0.0.0.0 to accept other machines
  --database <url>   ZERO_UPSTREAM_DB    the PostgreSQL zero-cache replicates (DATABASE_URL also read)
  -h, --help
`;

interface ServeConfig {
  app: string;
  port: number;
  host: string;
  database: string;
}

/** Flags over environment over defaults; every missing or bad value is reported at once. */
export function serveConfig(argv: string[], env: NodeJS.ProcessEnv): ServeConfig | 'help' {
  const { values } = parseCommandArgs('serve', argv, {
    app: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    database: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const problems: string[] = [];
  const app = values.app ?? env['ZERO_RECORD_APP'];
  if (!app) problems.push('no app module: pass --app <module> or set ZERO_RECORD_APP (a module exporting schema, queries, mutators)');
  const database = values.database ?? env['ZERO_UPSTREAM_DB'] ?? env['DATABASE_URL'];
  if (!database) problems.push('no database: pass --database <url> or set ZERO_UPSTREAM_DB (the PostgreSQL zero-cache replicates)');
  const portText = values.port ?? env['PORT'] ?? '4850';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`port ${JSON.stringify(portText)} is not a port number (0-65535)`);
  if (problems.length > 0) throw new ConfigError('zero-record serve', problems);
  return { app: app!, database: database!, port, host: values.host ?? env['HOST'] ?? '127.0.0.1' };
}

export async function main(argv: string[]): Promise<number> {
  let config: ServeConfig | 'help';
  try {
    config = serveConfig(argv, process.env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let app;
  try {
    app = await loadServerApp(config.app);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const server = await serve({ ...app, database: config.database, port: config.port, host: config.host });
  process.stdout.write(`zero-record serve: listening on ${server.url}\n  ZERO_QUERY_URL=${server.queryURL}\n  ZERO_MUTATE_URL=${server.mutateURL}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
