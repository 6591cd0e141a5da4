// SvelteKit's generated ambient types are not checked in (.svelte-kit/ is gitignored); these are
// the bits of $app/* we use, so `tsc` works without running `svelte-kit sync`.
declare module '$app/state' {
  export const page: {
    readonly url: URL;
    readonly params: Record<string, string>;
    readonly route: { id: string | null };
    readonly data: Record<string, any>;
    readonly status: number;
    readonly error: { message: string } | null;
  };
}
declare module '$app/navigation' {
  export function goto(url: string | URL, opts?: { replaceState?: boolean }): Promise<void>;
  export function invalidateAll(): Promise<void>;
}
declare module '$app/environment' {
  export const browser: boolean;
  export const dev: boolean;
}
