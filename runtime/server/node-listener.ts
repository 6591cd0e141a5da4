/**
 * The endpoints on Node's `http` module: `POST <queryPath>` and `POST <mutatePath>`, `GET /` for
 * health checks. Bodies over `maxBodyBytes` are refused with 413 before any parsing; everything
 * else (malformed JSON included) is answered by the endpoints in Zero's protocol.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ZeroRecordServer } from './endpoints.ts';

/** Paths and limits of `nodeListener` (and `serve`). */
export interface ListenerOptions {
  readonly queryPath?: string;
  readonly mutatePath?: string;
  /** Largest request body accepted (default 8 MB: several queries' specs, each capped far lower by the validator). */
  readonly maxBodyBytes?: number;
  /** Called with an error that escaped the endpoints (answered 500, which zero-cache retries). Default: console.error. */
  readonly onError?: (error: unknown) => void;
}

class BodyTooLargeError extends Error {}

/** How much of a refused body is read and dropped before the connection is cut instead of answered. */
const DRAINED_BODY_FACTOR = 16;

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0;
      // A sender that goes on far past the cap is no Zero cache: cut it rather than read on.
      if (size > maxBytes * DRAINED_BODY_FACTOR) request.destroy();
    });
    // Refused once the body has been read and dropped: answering while the client still sends makes Node close the
    // socket under it (connection: close), and the client sees EPIPE or a reset instead of the 413.
    request.on('end', () => (size > maxBytes ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
    // Cut (above) or aborted by the client before its end: settled, so nothing waits on it (after 'end' this is a no-op).
    request.on('close', () => reject(size > maxBytes ? new BodyTooLargeError() : new Error('the request closed before its body ended')));
  });
}

function toRequest(request: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, { method: 'POST', headers, body: new Uint8Array(body) });
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}

/** A `node:http` request listener serving both endpoints. */
export function nodeListener(server: ZeroRecordServer, options: ListenerOptions = {}): RequestListener {
  const { queryPath = '/query', mutatePath = '/mutate', maxBodyBytes = 8 * 1024 * 1024, onError = console.error } = options;
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return;
    }
    const endpoint = path === queryPath ? server.query : path === mutatePath ? server.mutate : undefined;
    if (!endpoint || request.method !== 'POST') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: POST ${queryPath} or ${mutatePath}`);
      return;
    }
    readBody(request, maxBodyBytes)
      .then((body) => endpoint(toRequest(request, body)))
      .then((answer) => send(response, answer))
      .catch((error: unknown) => {
        if (response.headersSent) return void response.destroy();
        if (error instanceof BodyTooLargeError) {
          response.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end(`Request body over ${maxBodyBytes} bytes`);
          return;
        }
        onError(error);
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error (see the server log)');
      });
  };
}
