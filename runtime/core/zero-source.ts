/**
 * Where a model's Zero client comes from (the model's `zero` option, else `configureZero`) and the one way to wait for it.
 */
import type { ModelDefinition } from './config.ts';
import { ConnectionError, ZeroNotReadyError } from './errors.ts';
import type { AnyZero, ZeroSource } from './zero-types.ts';

let defaultSource: ZeroSource | undefined;

/**
 * Points every model without its own `zero` option at the app's Zero client.
 * @example configureZero(() => getZero()); // undefined until the app has created it
 */
export function configureZero(source: ZeroSource | undefined): void {
  defaultSource = source;
}

export function sourceOf(model: ModelDefinition): ZeroSource | undefined {
  return model.zero ?? defaultSource;
}

/** The Zero client of `source` (default: the one given to `configureZero`) now, or undefined while it is not ready. */
export function zeroOf(source: ZeroSource | undefined = defaultSource): AnyZero | undefined {
  const z = typeof source === 'function' ? source() : source;
  return z ?? undefined;
}

/** The model's Zero client now, or undefined while it is not ready. */
export function currentZero(model: ModelDefinition): AnyZero | undefined {
  return zeroOf(sourceOf(model));
}

export const ZERO_READY_TIMEOUT_MS = 10_000;
const READY_POLL_MS = 50;

/** Waits (polling, as the legacy classes did every 100 ms) until the model's Zero client exists. */
export async function awaitZero(model: ModelDefinition, timeoutMs = ZERO_READY_TIMEOUT_MS): Promise<AnyZero> {
  const started = Date.now();
  for (;;) {
    const z = currentZero(model);
    if (z) {
      if (z.closed) throw new ConnectionError('closed', `${model.className}: the Zero client is closed`);
      return z;
    }
    if (!sourceOf(model)) {
      throw new ZeroNotReadyError(`${model.className}: no Zero client configured; call configureZero(() => zero) or pass zero in the model config`);
    }
    if (Date.now() - started >= timeoutMs) {
      throw new ZeroNotReadyError(`${model.className}: Zero was not ready after ${timeoutMs} ms (the configured source kept returning undefined)`);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/** Whether a result from this client can be final: with a server only 'complete' is; a client without one has all there is. */
export function hasServer(z: AnyZero): boolean {
  return z.server !== null;
}

