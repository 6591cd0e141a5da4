
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
		RouteId(): "/" | "/appointments" | "/appointments/[id]" | "/debug" | "/doctors" | "/doctors/[id]" | "/invoices" | "/patients" | "/patients/[id]" | "/rooms";
		RouteParams(): {
			"/appointments/[id]": { id: string };
			"/doctors/[id]": { id: string };
			"/patients/[id]": { id: string }
		};
		LayoutParams(): {
			"/": { id?: string | undefined };
			"/appointments": { id?: string | undefined };
			"/appointments/[id]": { id: string };
			"/debug": Record<string, never>;
			"/doctors": { id?: string | undefined };
			"/doctors/[id]": { id: string };
			"/invoices": Record<string, never>;
			"/patients": { id?: string | undefined };
			"/patients/[id]": { id: string };
			"/rooms": Record<string, never>
		};
		Pathname(): "/" | "/appointments" | `/appointments/${string}` & {} | "/debug" | "/doctors" | `/doctors/${string}` & {} | "/invoices" | "/patients" | `/patients/${string}` & {} | "/rooms";
		ResolvedPathname(): `${"" | `/${string}`}${ReturnType<AppTypes['Pathname']>}`;
		Asset(): string & {};
	}
}