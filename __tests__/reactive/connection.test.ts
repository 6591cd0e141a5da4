/**
 * core/connection.ts against real Zero clients: a local one, and one talking to a real WebSocket server on loopback
 * that answers every connection with Zero's `Unauthorized` error frame (what zero-cache sends for an expired token).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero } from '@rocicorp/zero';
import { WebSocketServer } from 'ws';
import { connectionState, watchConnection, type ConnectionStateName } from '../../runtime/core/connection.ts';
import { localZero, schema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';
import { installNodeWebSocket } from '../../scripts/stack/node-websocket.ts';

installNodeWebSocket();

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});


describe('connection state', () => {
  test("'not-ready' until the source has a client, then Zero's own state; 'closed' after close", async () => {
    let z: Zero<typeof schema> | undefined;
    const source = () => z;
    const states: ConnectionStateName[] = [];
    const stop = watchConnection((state) => states.push(state), { source });
    cleanups.push(stop);
    expect(connectionState(source)).toBe('not-ready');
    z = localZero();
    await waitUntil('a second connection state', () => states.length >= 2);
    expect(connectionState(source)).toBe('disconnected'); // a client without a server
    await z.close();
    expect(states).toEqual(['not-ready', 'disconnected', 'closed']);
  });

  test('reconnects with a fresh token after needs-auth, and stops when unwatched', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    await new Promise((resolve) => server.once('listening', resolve));
    const protocols: string[] = [];
    server.on('connection', (socket, request) => {
      // Zero sends its auth token base64-encoded JSON in the WebSocket protocol header.
      const header = decodeURIComponent(String(request.headers['sec-websocket-protocol'] ?? ''));
      protocols.push(Buffer.from(header, 'base64').toString('utf8'));
      socket.send(JSON.stringify(['error', { kind: 'Unauthorized', message: 'token expired', origin: 'zeroCache' }]));
    });
    const { port } = server.address() as { port: number };
    const z = new Zero({ userID: 'u', cacheURL: `http://127.0.0.1:${port}`, schema, kvStore: 'mem', logLevel: 'error', auth: 'old-token' });
    cleanups.push(() => z.close());

    const states: ConnectionStateName[] = [];
    let tokens = 0;
    const stop = watchConnection((state) => states.push(state), {
      source: z,
      retry: { initialMs: 10, maxMs: 40, auth: () => `fresh-token-${++tokens}` },
    });
    await waitUntil('three connection attempts at the server', () => protocols.length >= 3);
    stop();
    expect(states).toContain('needs-auth');
    expect(tokens).toBeGreaterThanOrEqual(2);
    expect(protocols.some((p) => p.includes('fresh-token-1'))).toBe(true);

    const attempts = protocols.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(protocols.length).toBeLessThanOrEqual(attempts + 1); // at most one attempt already under way when stopped
    expect(connectionState(z)).toBe('needs-auth'); // Zero itself waits in needs-auth: nobody retries any more
  });
});
