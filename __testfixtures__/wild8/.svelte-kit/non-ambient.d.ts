
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
		RouteId(): "/" | "/gardeners" | "/harvests" | "/plots" | "/plots/[id]" | "/shifts" | "/tools";
		RouteParams(): {
			"/plots/[id]": { id: string }
		};
		LayoutParams(): {
			"/": { id?: string | undefined };
			"/gardeners": Record<string, never>;
			"/harvests": Record<string, never>;
			"/plots": { id?: string | undefined };
			"/plots/[id]": { id: string };
			"/shifts": Record<string, never>;
			"/tools": Record<string, never>
		};
		Pathname(): "/" | "/gardeners" | "/harvests" | "/plots" | `/plots/${string}` & {} | "/shifts" | "/tools";
		ResolvedPathname(): `${"" | `/${string}`}${ReturnType<AppTypes['Pathname']>}`;
		Asset(): string & {};
	}
}