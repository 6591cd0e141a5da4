// @ts-check
import { ReactiveQueryOne, ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/zero-client';

/** @typedef {import('$lib/zero').Visit} Visit */
/** @typedef {import('$lib/zero').Device} Device */

/**
 * Live visit by id. The caller owns the returned query.
 * @param {() => string | null} getId
 * @param {number} [minutes]
 * @returns {ReactiveQueryOne<Visit>}
 */
export function useVisit(getId, minutes = 5) {
	/** @type {ReactiveQueryOne<Visit>} */
	const query = new ReactiveQueryOne(
		() => {
			const id = getId();
			return id ? (getZero()?.query.visits.where('id', id).one() ?? null) : null;
		},
		/** @type {Visit | null} */ (null),
		`${minutes}m`
	);
	return query;
}

/**
 * Devices installed during a visit.
 * @param {string} visitId
 */
export function useVisitDevices(visitId) {
	/** @type {ReactiveQuery<Device>} */
	const q = new ReactiveQuery(() => getZero()?.query.devices.where('visit_id', visitId) ?? null, /** @type {Device[]} */ ([]), '15m');
	const summary = $derived({
		total: q.data.length,
		online: q.data.filter((d) => d.online).length,
		loading: q.isLoading
	});
	return {
		query: q,
		get summary() {
			return summary;
		},
		stop() {
			q.destroy();
		}
	};
}
