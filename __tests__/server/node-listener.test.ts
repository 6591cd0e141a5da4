// The node:http listener's handling of oversized bodies, in process: a body over the cap is read to its end and answered
// 413 (answering earlier makes Node close the socket under a client still sending: EPIPE, not the answer); a sender
// going on far past the cap is cut instead of read on; the server answers the next request either way.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeListener, type ZeroRecordServer } from '../../runtime/server/index.ts';

// No oversized body may reach the endpoints: a call fails the test.
const unreachable = (): Promise<Response> => Promise.reject(new Error('an oversized body reached the endpoint'));
const endpoints = { query: unreachable, mutate: unreachable } as unknown as ZeroRecordServer;

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(nodeListener(endpoints, { maxBodyBytes: 1024 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('nodeListener and bodies over maxBodyBytes', () => {
  it('answers 413 once the body is read, for a body several times the cap', async () => {
    const big = await fetch(`${url}/query`, { method: 'POST', body: 'x'.repeat(12 * 1024) });
    expect([big.status, await big.text()]).toEqual([413, 'Request body over 1024 bytes']);
  });

  it('cuts a sender far past the cap (16 times it) and keeps serving', async () => {
    await expect(fetch(`${url}/mutate`, { method: 'POST', body: 'x'.repeat(4 * 1024 * 1024) })).rejects.toThrow(TypeError);
    expect(await (await fetch(`${url}/`)).text()).toBe('OK');
  });
});
