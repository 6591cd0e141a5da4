// Watches kennels that are being cleaned and tells the desk when they come
// back. Runs only while the tab is visible: the front-desk PC sleeps its
// screen and we do not want to hold a view open all night.
import { Kennel } from '$zero';

/** @typedef {import('$zero').Kennel} KennelRow */

/**
 * @param {{
 *   onReady: (kennel: KennelRow) => void,
 *   intervalMs?: number
 * }} opts
 * @returns {() => void} stop
 */
export function watchCleaning({ onReady, intervalMs = 2000 }) {
	let handle = Kennel.where({ status: 'cleaning' });
	/** @type {Set<string>} */
	let cleaning = new Set();

	const tick = () => {
		const rows = handle.current ?? [];
		if (handle.resultType === 'loading') return;
		const now = new Set(rows.map((k) => k.id));
		for (const id of cleaning) {
			if (!now.has(id)) {
				// Gone from the "cleaning" list: look it up in the full list.
				queueMicrotask(() => {
					const all = Kennel.find(id);
					const stop = setInterval(() => {
						if (all.resultType === 'loading') return;
						clearInterval(stop);
						if (all.current?.status === 'available') onReady(all.current);
						all.destroy();
					}, 100);
				});
			}
		}
		cleaning = now;
	};

	let timer = setInterval(tick, intervalMs);

	const onVisibility = () => {
		if (document.visibilityState === 'hidden') {
			clearInterval(timer);
			handle.destroy();
		} else {
			handle = Kennel.where({ status: 'cleaning' });
			timer = setInterval(tick, intervalMs);
		}
	};
	document.addEventListener('visibilitychange', onVisibility);

	return () => {
		document.removeEventListener('visibilitychange', onVisibility);
		clearInterval(timer);
		handle.destroy();
	};
}
