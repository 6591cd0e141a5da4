// Stand-in for SvelteKit's generated ./$types (normally in .svelte-kit/types, not checked in).
export type LayoutLoad = (event: { fetch: typeof fetch; params: Record<string, string> }) => Promise<Record<string, unknown>>;
