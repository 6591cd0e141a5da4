import type { Bike, ModelHandle } from '$lib/zero';

/** A clock that ticks every `ms`. Has its own `current` and `destroy()` — unrelated to Zero. */
export class Ticker {
	current = $state(Date.now());
	#id: ReturnType<typeof setInterval>;

	constructor(ms = 1000) {
		this.#id = setInterval(() => (this.current = Date.now()), ms);
	}

	destroy() {
		clearInterval(this.#id);
	}
}

interface Weather {
	tempC: number;
	windKph: number;
	summary: string;
}

/** City weather widget feed (riders avoid rain, so demand forecasts care). */
export function createWeatherFeed(url: string) {
	const state = $state<{ data: Weather | null; error: string | null; loading: boolean }>({
		data: null,
		error: null,
		loading: true
	});
	let controller = new AbortController();

	async function load() {
		state.loading = true;
		try {
			const res = await fetch(url, { signal: controller.signal });
			if (!res.ok) throw new Error(`weather ${res.status}`);
			state.data = (await res.json()) as Weather;
			state.error = null;
		} catch (e) {
			if (!controller.signal.aborted) state.error = e instanceof Error ? e.message : String(e);
		} finally {
			state.loading = false;
		}
	}
	void load();

	return {
		get data() {
			return state.data;
		},
		get error() {
			return state.error;
		},
		get loading() {
			return state.loading;
		},
		refresh() {
			controller.abort();
			controller = new AbortController();
			void load();
		},
		destroy() {
			controller.abort();
		}
	};
}

// ---------------------------------------------------------------------------------------
// Layout "actions": pages push what they are showing so the top bar can show it too.

let currentBike = $state<ModelHandle<Bike | null> | null>(null);
let pageTitle = $state('Operations');

export const layoutActions = {
	setCurrentBike(handle: ModelHandle<Bike | null> | null) {
		currentBike = handle;
	},
	setTitle(title: string) {
		pageTitle = title;
	}
};

export const layoutState = {
	get title() {
		return currentBike?.current ? `${pageTitle} · ${currentBike.current.serial_number}` : pageTitle;
	}
};
