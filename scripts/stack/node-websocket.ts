// Node 20 has no global WebSocket (Zero's client needs one). Browsers do, so apps never call this;
// Node scripts and the integration tests do, once, before creating a Zero.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ClientOptions, WebSocket as WsWebSocketType, WebSocketServer as WsWebSocketServerType } from 'ws';

// ws's Node entry by path: under the `browser` resolve condition (the jsdom test project runs Node
// with --conditions browser) the package name resolves to ws's browser stub, which has no client.
const require = createRequire(import.meta.url);
const { WebSocket: WsWebSocket, WebSocketServer } = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as {
  WebSocket: typeof WsWebSocketType;
  WebSocketServer: typeof WsWebSocketServerType;
};

/** ws's server class, reachable under the `browser` condition too (tests that drive a Zero client's connection). */
export { WebSocketServer };

/**
 * `ws`'s WebSocket with an `error` listener: `ws` emits EventEmitter `error` on a refused
 * connection (zero-cache down), which kills the process when nobody listens. Zero itself only
 * reacts to `close`, which `ws` emits right after, so Zero still sees the failure and retries.
 */
export class NodeWebSocket extends WsWebSocket {
  constructor(address: string | URL, protocols?: string | string[], options?: ClientOptions) {
    super(address, protocols, options);
    this.on('error', () => {});
  }
}

/** Installs NodeWebSocket as `globalThis.WebSocket`. Idempotent. */
export function installNodeWebSocket(): void {
  // ws's class is not typed as the DOM WebSocket, but implements what Zero uses of it.
  globalThis.WebSocket = NodeWebSocket as unknown as typeof globalThis.WebSocket;
}
