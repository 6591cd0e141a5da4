/**
 * The connection to zero-cache, framework-free: read its state, watch it, and reconnect with backoff after an error or
 * an auth failure. Both flavours use it; the reactive flavour wraps `watchConnection` in a Svelte subscriber.
 */
import type { ZeroSource } from './zero-types.ts';
import { isFunctionSource, whenReady, zeroOf } from './zero-source.ts';
import type { AnyZero } from './zero-types.ts';

/** Zero's connection states, plus 'not-ready' while the app has not created its Zero client yet. */
export type ConnectionStateName = 'connecting' | 'connected' | 'disconnected' | 'error' | 'needs-auth' | 'closed' | 'not-ready';

/** How `watchConnection` reconnects after 'error' / 'needs-auth'. */
export interface RetryOptions {
  /** First delay before reconnecting after 'error' / 'needs-auth'; doubled after each failed attempt. Default 1000 ms. */
  readonly initialMs?: number;
  /** Upper bound of the delay. Default 30000 ms. */
  readonly maxMs?: number;
  /** A fresh token for reconnecting after 'needs-auth' (Zero's `connect({ auth })`); without it Zero reuses the old one. */
  readonly auth?: () => string | undefined | Promise<string | undefined>;
}

/** Which Zero `watchConnection` watches, and whether it reconnects by itself. */
export interface WatchOptions {
  /** Which Zero to watch; default: the one given to `configureZero`. */
  readonly source?: ZeroSource;
  /** Reconnect automatically after 'error' / 'needs-auth' (default on); `false` leaves it to the app. */
  readonly retry?: RetryOptions | false;
}

const RETRY_STATES = new Set<ConnectionStateName>(['error', 'needs-auth']);
const STALLED_STATES = new Set<string>(['error', 'needs-auth', 'closed']);

/** Whether Zero answers nothing more in `state` until the app acts (reconnect, re-authenticate, a new client). */
export function isStalled(state: string): boolean {
  return STALLED_STATES.has(state);
}

/**
 * The connection state now.
 * @example if (connectionState() === 'needs-auth') await refreshLogin();
 */
export function connectionState(source?: ZeroSource): ConnectionStateName {
  const z = zeroOf(source);
  return z ? (z.connection.state.current.name as ConnectionStateName) : 'not-ready';
}

/**
 * Calls `listener` with the state now and after every change, and (unless `retry: false`) asks Zero to reconnect after
 * 'error' or 'needs-auth' with exponential backoff, reset once 'connected'. Returns the function that stops watching
 * (and retrying).
 * @example const stop = watchConnection((state) => banner.textContent = state);
 */
export function watchConnection(listener: (state: ConnectionStateName) => void, options: WatchOptions = {}): () => void {
  const retry = options.retry === false ? undefined : (options.retry ?? {});
  const initialMs = retry?.initialMs ?? 1000;
  const maxMs = retry?.maxMs ?? 30_000;
  let delay = initialMs;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  let last: ConnectionStateName | undefined;

  const emit = (state: ConnectionStateName) => {
    if (state === last) return;
    last = state;
    listener(state);
  };

  const attach = (z: AnyZero) => {
    const onState = (name: ConnectionStateName) => {
      emit(name);
      if (name === 'connected') delay = initialMs;
      if (!retry || retryTimer || !RETRY_STATES.has(name)) return;
      retryTimer = setTimeout(async () => {
        retryTimer = undefined;
        if (stopped || !RETRY_STATES.has(connectionState(z))) return;
        delay = Math.min(delay * 2, maxMs);
        try {
          const auth = retry.auth ? await retry.auth() : undefined;
          await z.connection.connect(auth ? { auth } : undefined);
        } catch {
          // Zero reports the failed attempt through its state, which schedules the next try.
        }
        if (!stopped) onState(connectionState(z));
      }, delay);
    };
    unsubscribe = z.connection.state.subscribe((state) => onState(state.name as ConnectionStateName));
    onState(connectionState(z));
  };

  if (!zeroOf(options.source)) emit('not-ready');
  // A function source (or none yet) is waited for the one way the runtime waits for Zero.
  const stopWaiting = whenReady(
    () => zeroOf(options.source),
    { polls: () => isFunctionSource(options.source) },
    attach,
    (thrown) => {
      // A source function that throws is the app's bug: surface it rather than watch nothing.
      throw thrown;
    },
  );
  return () => {
    stopped = true;
    stopWaiting();
    clearTimeout(retryTimer);
    unsubscribe?.();
  };
}
