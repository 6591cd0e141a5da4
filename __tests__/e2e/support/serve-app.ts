// Builds examples/app with Vite and serves the build on a free loopback port (vite preview).
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const APP_DIR = fileURLToPath(new URL('../../../examples/app/', import.meta.url));

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

export async function buildAndServeApp(): Promise<ServedApp> {
  const configFile = `${APP_DIR}vite.config.ts`;
  await build({ configFile, logLevel: 'warn' });
  const server: PreviewServer = await preview({ configFile, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error(`vite preview did not listen on a TCP port (${String(address)})`);
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
