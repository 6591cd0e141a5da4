
// this file is generated — do not edit it


declare module "svelte/elements" {
	export interface HTMLAttributes<T> {
		'data-sveltekit-keepfocus'?: true | '' | 'off' | undefined | null;
		'data-sveltekit-noscroll'?: true | '' | 'off' | undefined | null;
		'data-sveltekit-preload-code'?:
			| true
			| ''
			| 'eager'
			| 'viewport'
			| 'hover'
			| 'tap'
			| 'off'
			| undefined
			| null;
		'data-sveltekit-preload-data'?: true | '' | 'hover' | 'tap' | 'off' | undefined | null;
		'data-sveltekit-reload'?: true | '' | 'off' | undefined | null;
		'data-sveltekit-replacestate'?: true | '' | 'off' | undefined | null;
	}
}

export {};


declare module "$app/types" {
	type MatcherParam<M> = M extends (param : string) => param is (infer U extends string) ? U : string;

	export interface AppTypes {
		RouteId(): "/" | "/admin" | "/admin/debug" | "/fleet" | "/fleet/[id]" | "/maintenance" | "/members" | "/races" | "/races/[id]" | "/results" | "/results/[id]";
		RouteParams(): {
			"/fleet/[id]": { id: string };
			"/races/[id]": { id: string };
			"/results/[id]": { id: string }
		};
		LayoutParams(): {
			"/": { id?: string | undefined };
			"/admin": Record<string, never>;
			"/admin/debug": Record<string, never>;
			"/fleet": { id?: string | undefined };
			"/fleet/[id]": { id: string };
			"/maintenance": Record<string, never>;
			"/members": Record<string, never>;
			"/races": { id?: string | undefined };
			"/races/[id]": { id: string };
			"/results": { id?: string | undefined };
			"/results/[id]": { id: string }
		};
		Pathname(): "/" | "/admin/debug" | "/fleet" | `/fleet/${string}` & {} | "/maintenance" | "/members" | "/races" | `/races/${string}` & {} | `/results/${string}` & {};
		ResolvedPathname(): `${"" | `/${string}`}${ReturnType<AppTypes['Pathname']>}`;
		Asset(): string & {};
	}
}