import { readFileSync } from 'node:fs';
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

/** Where the ports we hand out start. */
const LOWEST = 10_000;

/**
 * The first port the kernel hands out for outgoing connections and `listen(0)`. A server port found free in that range
 * can be taken by any outgoing connection (zero-cache opens dozens to PostgreSQL) before the server binds it, seconds
 * later: below it, only another server choosing the same port can.
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * A free port P such that P .. P+count-1 are all free, chosen at random below the ephemeral range (see `ephemeralLow`)
 * so that neither outgoing connections nor another stack starting at the same time is likely to take it before it is
 * bound. zero-cache needs three: sync on P, change-streamer on P+1, litestream metrics on P+2, and binds them on all
 * interfaces, so the check is done on 0.0.0.0 as well as on loopback.
 */
export async function freePortRange(count = 1): Promise<number> {
  const span = ephemeralLow() - LOWEST - count;
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = LOWEST + Math.floor(Math.random() * span);
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
