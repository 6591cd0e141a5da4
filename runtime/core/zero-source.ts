/**
 * Where a model's Zero client comes from (the model's `zero` option, else `configureZero`) and the one way to wait for it.
 */
import type { ModelDefinition } from './config.ts';
import { ConnectionError, ZeroNotReadyError, asZeroRecordError, type ZeroRecordError } from './errors.ts';
import type { AnyZero, ZeroSource } from './zero-types.ts';

let defaultSource: ZeroSource | undefined;
/** Everything waiting for a Zero client (see `whenReady`): checked again whenever `configureZero` is called. */
const waiters = new Set<() => void>();

/**
 * Points every model without its own `zero` option at the app's Zero client. Whatever is waiting for Zero (reads, live
 * queries, connection watchers) looks again at once.
 * @example configureZero(() => getZero()); // undefined until the app has created it
 */
export function configureZero(source: ZeroSource | undefined): void {
  defaultSource = source;
  for (const waiter of [...waiters]) waiter();
}

function sourceOf(model: ModelDefinition): ZeroSource | undefined {
  return model.zero ?? defaultSource;
}

/** The Zero client of `source` (default: the one given to `configureZero`) now, or undefined while it is not ready. */
export function zeroOf(source: ZeroSource | undefined = defaultSource): AnyZero | undefined {
  const z = typeof source === 'function' ? source() : source;
  return z ?? undefined;
}

/** Whether `source` (default: the one given to `configureZero`) is a function, whose answer changes without telling anyone. */
export function isFunctionSource(source: ZeroSource | undefined = defaultSource): boolean {
  return typeof source === 'function';
}

/** The model's Zero client now, or undefined while it is not ready. */
export function currentZero(model: ModelDefinition): AnyZero | undefined {
  return zeroOf(sourceOf(model));
}

export const ZERO_READY_TIMEOUT_MS = 10_000;
const READY_POLL_MS = 50;

/** How `whenReady` looks again: `polls` while the answer may change by itself (a function source), up to `timeoutMs`. */
export interface ReadyOptions {
  /** True while the probe reads a function (a source like `() => getZero()`), whose answer changes without telling anyone. */
  readonly polls: () => boolean;
  /** Give up after this long (`onFailed()`); default: wait until cancelled. */
  readonly timeoutMs?: number;
}

/**
 * The one wait for something that exists once Zero does: calls `onReady` with `probe()`'s first value other than
 * undefined / null (at once when there is one now). It looks again whenever `configureZero` is called, and every 50 ms
 * only while `options.polls()` (nothing announces when a function source starts answering). `onFailed` gets what `probe`
 * threw, or undefined after `timeoutMs`. Returns the cancel function.
 */
export function whenReady<T>(probe: () => T | null | undefined, options: ReadyOptions, onReady: (value: T) => void, onFailed: (thrown?: unknown) => void): () => void {
  // Ready now (the usual case): answered at once, and nothing is kept for a wait (every live query starts here).
  if (settled(probe, onReady, onFailed)) return NOTHING_TO_CANCEL;
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    waiters.delete(check);
    clearTimeout(timer);
    timer = undefined;
  };
  function check(): void {
    // configureZero wakes a snapshot of the waiters: one cancelled by an earlier one's callback must stay quiet.
    if (!waiters.has(check)) return;
    clearTimeout(timer);
    timer = undefined;
    if (!settled(probe, onReady, onFailed, cancel)) lookAgain();
  }
  function lookAgain(): void {
    const left = deadline - Date.now();
    if (left <= 0) {
      cancel();
      onFailed();
      return;
    }
    if (options.polls()) timer = setTimeout(check, Math.min(READY_POLL_MS, left));
    else if (left !== Infinity) timer = setTimeout(check, left);
  }
  waiters.add(check);
  lookAgain();
  return cancel;
}

const NOTHING_TO_CANCEL = (): void => {};

/**
 * Probes once: calls `onReady` with a value, or `onFailed` with what the probe threw (`done` first, either way), and says
 * whether it did; false while there is nothing yet.
 */
function settled<T>(probe: () => T | null | undefined, onReady: (value: T) => void, onFailed: (thrown?: unknown) => void, done?: () => void): boolean {
  let value: T | null | undefined;
  try {
    value = probe();
  } catch (error) {
    done?.();
    onFailed(error);
    return true;
  }
  if (value === undefined || value === null) return false;
  done?.();
  onReady(value);
  return true;
}

/**
 * Calls `onReady` with the model's Zero client as soon as it exists (at once when it does), or `onFailed` with a
 * `ZeroNotReadyError` (no source configured, or none after `timeoutMs`; at once on a server, where none will come) or a
 * `ConnectionError` (the client is closed).
 * Returns the cancel function.
 */
export function whenZero(model: ModelDefinition, onReady: (z: AnyZero) => void, onFailed: (error: ZeroRecordError) => void, timeoutMs = ZERO_READY_TIMEOUT_MS): () => void {
  const source = sourceOf(model);
  if (!source) {
    onFailed(new ZeroNotReadyError(`${model.className}: no Zero client configured; call configureZero(() => zero) or pass zero in the model config`));
    return NOTHING_TO_CANCEL;
  }
  // On a server nothing creates the client a function source waits for (an app makes it in the browser): waiting would
  // only delay every server-rendered request by the timeout.
  const onServer = ON_SERVER && isFunctionSource(source);
  return whenReady(
    () => currentZero(model),
    { polls: () => isFunctionSource(sourceOf(model)), timeoutMs: onServer ? 0 : timeoutMs },
    (z) => (z.closed ? onFailed(closedError(model.className)) : onReady(z)),
    (thrown) =>
      onFailed(
        thrown === undefined
          ? new ZeroNotReadyError(
              onServer
                ? `${model.className}: the configured Zero source returned undefined outside a browser${SERVER_HINT}`
                : `${model.className}: Zero was not ready after ${timeoutMs} ms (the configured source kept returning undefined)`,
            )
          : asZeroRecordError(thrown, (cause) => new ZeroNotReadyError(`${model.className}: the configured Zero source threw: ${String(cause)}`, { cause })),
      ),
  );
}

/**
 * Neither a page nor a browser's worker (`importScripts`: Cloudflare's workerd has a WorkerGlobalScope but no
 * importScripts): a server (server-side rendering, a SvelteKit server load, a script), where an app makes no Zero later.
 */
const ON_SERVER = typeof document === 'undefined' && typeof (globalThis as { importScripts?: unknown }).importScripts !== 'function';
const SERVER_HINT =
  '; during server-side rendering (a SvelteKit load or a component on the server) no Zero client exists: read in the browser (a universal load returning early when !browser, or the component after hydration); a script configures its own client before reading';

/** The model's Zero client, waiting for it as `whenZero` does. */
export function awaitZero(model: ModelDefinition, timeoutMs = ZERO_READY_TIMEOUT_MS): Promise<AnyZero> {
  return new Promise((resolve, reject) => whenZero(model, resolve, reject, timeoutMs));
}

/** Reads and live queries of `label` (a model's class name) on a closed client: Zero never answers again. */
export function closedError(label: string): ConnectionError {
  return new ConnectionError('closed', `${label}: the Zero client is closed; create a new one and point configureZero (or the model's zero option) at it`);
}

/** Whether a result from this client can be final: with a server only 'complete' is; a client without one has all there is. */
export function hasServer(z: AnyZero): boolean {
  return z.server !== null;
}

