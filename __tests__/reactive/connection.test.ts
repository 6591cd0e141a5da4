/**
 * core/connection.ts against real Zero clients: a local one, and ones talking to a real WebSocket server on loopback
 * that answers with zero-cache's own frames: `Unauthorized` (an expired token), `PushFailed` (the push endpoint is down),
 * `connected`, `pong`.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero } from '@rocicorp/zero';
import { WebSocketServer, type WebSocket } from 'ws';
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

  test('keeps reconnecting through failed pushes, whenever the failure lands, until the server accepts', async () => {
    // What zero-cache sends while the app's push endpoint is down (a Rails server killed mid-push), and when:
    const PUSH_FAILED = JSON.stringify([
      'error',
      { kind: 'PushFailed', origin: 'zeroCache', reason: 'internal', message: 'Fetch from API server threw error: fetch failed', mutationIDs: [] },
    ]);
    const connected = () => JSON.stringify(['connected', { wsid: 'loopback', timestamp: Date.now() }]);
    const failures: ((socket: WebSocket) => void)[] = [
      // on an established connection (the push fails after the client connected);
      (socket) => {
        socket.send(connected());
        setTimeout(() => socket.send(PUSH_FAILED), 20);
      },
      // before the connection is acknowledged (an earlier push's failure reaching the new socket);
      (socket) => socket.send(PUSH_FAILED),
      // inside Zero's own connect handshake: Zero 1.9 then reports 'connected' without a socket until its next ping
      // (pingTimeoutMs) finds none and turns to 'error', which the retry must still answer.
      (socket) => {
        socket.send(connected());
        socket.send(PUSH_FAILED);
      },
    ];
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    await new Promise((resolve) => server.once('listening', resolve));
    let attempts = 0;
    server.on('connection', (socket) => {
      socket.on('message', (data) => {
        if (String(data).startsWith('["ping"')) socket.send(JSON.stringify(['pong', {}]));
      });
      const fail = failures[attempts++];
      if (fail) fail(socket);
      else socket.send(connected());
    });
    const { port } = server.address() as { port: number };
    const z = new Zero({ userID: 'u', cacheURL: `http://127.0.0.1:${port}`, schema, kvStore: 'mem', logLevel: 'error', auth: 't', pingTimeoutMs: 200 });
    cleanups.push(() => z.close());

    const states: ConnectionStateName[] = [];
    const stop = watchConnection((state) => states.push(state), { source: z, retry: { initialMs: 10, maxMs: 40 } });
    cleanups.push(stop);
    await waitUntil(`the connection accepted after ${failures.length} failed pushes`, () => attempts > failures.length && connectionState(z) === 'connected', {
      timeoutMs: 30_000,
    }).catch((error: Error) => {
      throw new Error(`${error.message}; attempts: ${attempts}; states: ${states.join(' > ')}`, { cause: error });
    });
    expect(states.filter((state) => state === 'error').length).toBeGreaterThanOrEqual(failures.length);
    expect(attempts).toBe(failures.length + 1);
  });
});
