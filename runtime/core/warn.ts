/**
 * Process-wide "say it once" warnings (TTL clamps, deprecations). One place so tests and apps can silence or observe them.
 */
export type WarningSink = (message: string) => void;

const seen = new Set<string>();
let sink: WarningSink = (message) => console.warn(message);

/** Emits `message` the first time `key` is seen in this process. */
export function warnOnce(key: string, message: string): void {
  if (seen.has(key)) return;
  seen.add(key);
  sink(message);
}

/** Redirects runtime warnings (for example to a logger, or to `() => {}` to silence them). Returns the previous sink. */
export function setWarningSink(next: WarningSink): WarningSink {
  const previous = sink;
  sink = next;
  return previous;
}

/** Forgets which warnings were already shown (tests). */
export function resetWarnings(): void {
  seen.clear();
}
