import { createServer } from 'node:net';
import { StackStartError } from './errors.ts';

function listenOn(port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * A free port P such that P .. P+count-1 are all free. zero-cache needs three: sync on P,
 * change-streamer on P+1, litestream metrics on P+2, and binds them on all interfaces, so the
 * check is done on 0.0.0.0 as well as on loopback.
 */
export async function freePortRange(count = 1): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await listenOn(0, '127.0.0.1');
    if (first === undefined || first + count - 1 > 65_535) continue;
    let allFree = true;
    for (let port = first; port < first + count && allFree; port++) {
      allFree = (await listenOn(port, '0.0.0.0')) === port && (await listenOn(port, '127.0.0.1')) === port;
    }
    if (allFree) return first;
  }
  throw new StackStartError(
    `No ${count} consecutive free TCP ports found after 50 attempts: stop other local servers and retry.`,
  );
}
