/**
 * The one way a test waits for something that happens asynchronously: poll `check` until it passes (returns without
 * throwing and not `false`). The deadline bounds a hang on a loaded 2-core machine; it measures nothing, so it is
 * generous, and a timeout says what was awaited and why the last check failed.
 */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

export async function waitUntil(
  what: string,
  check: () => unknown,
  { timeoutMs = 30_000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      if ((await check()) !== false) return;
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) {
      const why = failure instanceof Error ? `: ${failure.message}` : '';
      throw new WaitTimeoutError(`Timed out after ${timeoutMs} ms waiting for ${what}${why}`, { cause: failure });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `waitUntil` for a value: polls `probe` until it returns something other than undefined, and returns that. */
export async function waitForValue<T>(what: string, probe: () => Promise<T | undefined>, options?: { timeoutMs?: number; intervalMs?: number }): Promise<T> {
  let value: T | undefined;
  await waitUntil(what, async () => (value = await probe()) !== undefined, options);
  return value as T;
}

/** Options for a describe block of soak tests (thousands of cycles): minutes on a loaded machine; the deadline only bounds a hang. */
export const SOAK = { timeout: 600_000 };
