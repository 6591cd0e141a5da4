/**
 * The library's public entry points: one list that the build (tsc roots), the package's `exports`, the API reference
 * and the docs-sample checker all read. A new subpath (e.g. `./server` from `runtime/server/index.ts`) is one line here.
 */
export interface EntryPoint {
  /** The subpath in `exports` ('.' is `zero-record` itself). */
  readonly subpath: string;
  /** The TypeScript source, relative to the repository root. */
  readonly source: string;
  /** Reaches Svelte (`svelte/reactivity`): exported under the `svelte` condition too, so Svelte tooling treats it as a Svelte library. */
  readonly svelte: boolean;
  /** Node-only (HTTP server, PostgreSQL): built with Node's types. Every other entry builds without them, which proves it runs in a browser. */
  readonly node?: true;
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { subpath: '.', source: 'runtime/index.ts', svelte: false },
  { subpath: './reactive', source: 'runtime/reactive/index.svelte.ts', svelte: true },
  { subpath: './compat', source: 'compat/index.ts', svelte: true },
  { subpath: './eslint-plugin', source: 'eslint-plugin/index.ts', svelte: false },
  { subpath: './server', source: 'runtime/server/index.ts', svelte: false, node: true },
];

/** `'./reactive'` -> `'zero-record/reactive'`. */
export function specifierOf(entry: EntryPoint): string {
  return entry.subpath === '.' ? 'zero-record' : `zero-record/${entry.subpath.slice(2)}`;
}
