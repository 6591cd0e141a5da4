/** Both endpoints on a Node HTTP server: what `zero-record serve` and `npm run stack -- --modern` run. */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type ServerContext, type ServerOptions } from './endpoints.ts';
import { nodeListener, type ListenerOptions } from './node-listener.ts';

/** `createServer`'s options plus where to listen. */
export interface ServeOptions<C extends ServerContext> extends ServerOptions<C>, ListenerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1; '0.0.0.0' to accept other hosts (zero-cache on another machine). */
  readonly host?: string;
}

/** A listening `serve()`: its URLs for zero-cache's configuration, and `close()`. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:4850` */
  readonly url: string;
  readonly queryURL: string;
  readonly mutateURL: string;
  /** Stops accepting requests, waits for those in flight, closes the database pool. */
  close(): Promise<void>;
}

/**
 * Starts both endpoints on a Node HTTP server (what `zero-record serve` runs).
 * @example
 * const server = await serve({ schema, queries, mutators, database: process.env.ZERO_UPSTREAM_DB!, port: 4850 });
 * console.log(`ZERO_QUERY_URL=${server.queryURL} ZERO_MUTATE_URL=${server.mutateURL}`);
 */
export async function serve<C extends ServerContext>(options: ServeOptions<C>): Promise<RunningServer> {
  const endpoints = createServer(options);
  const http = createHttpServer(nodeListener(endpoints, options));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port, address } = http.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url,
    queryURL: `${url}${options.queryPath ?? '/query'}`,
    mutateURL: `${url}${options.mutatePath ?? '/mutate'}`,
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        // zero-cache keeps connections alive between requests: end idle ones so close() returns.
        http.closeIdleConnections();
      });
      await endpoints.close();
    },
  };
}
