// Layout-level state: which stay the side panel is showing. Pages push the
// stay they opened; the layout reads it for the breadcrumb and the
// "back to stay" shortcut.
import { get, writable } from 'svelte/store';

/** @typedef {import('$zero/model-handle.svelte.js').ModelHandle<import('$zero').Stay | null>} StayHandle */

/** @type {import('svelte/store').Writable<StayHandle | null>} */
export const currentStay = writable(null);

/** @type {import('svelte/store').Writable<string>} */
export const pageTitle = writable('Kennel Desk');

const layoutActions = {
	/** @param {StayHandle} handle */
	setCurrentStay(handle) {
		currentStay.set(handle);
		queueMicrotask(() => {
			const stay = handle.current;
			if (stay) pageTitle.set(`Stay · ${stay.status.replace('_', ' ')}`);
		});
	},

	/** @param {StayHandle} [handle] only clear if it is still the current one */
	clearCurrentStay(handle) {
		const existing = get(currentStay);
		if (handle && existing !== handle) return;
		currentStay.set(null);
		pageTitle.set('Kennel Desk');
	},

	/** @param {string} title */
	setTitle(title) {
		pageTitle.set(title);
	}
};

export { layoutActions as default };
