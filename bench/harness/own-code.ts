/**
 * Code compiled for one side, size or model alone. A closure written once in a suite keeps one set of inline caches
 * for every side and size it serves (V8 keeps type feedback per source location), and V8's cache of compiled sources
 * hands identical texts one function: `label` goes into the source, so each compilation is its own.
 */
export function ownFunction<F>(label: string, params: readonly string[], body: string): F {
  return new Function(...params, `// ${label}\n${body}`) as F;
}
