// Medication round helpers. The round is every pending dose scheduled up to
// `horizon`, grouped by stay.
import { MedicationDose, ReactiveQuery, getZero, updateMedicationDose } from '$zero';
import { timeout } from '../format.js';

/** @typedef {import('$zero').MedicationDose} Dose */

export const ROUND_WINDOW_MS = 45 * 60_000;

/**
 * Live query for the current round. The caller owns it (destroy it!).
 *
 * @param {number} horizon  epoch ms
 */
export function roundQuery(horizon) {
	return new ReactiveQuery(
		() =>
			getZero()
				?.query.medication_doses.where('status', 'pending')
				.where('scheduled_at', '<=', horizon)
				.related('stay', (q) => q.related('pet').related('kennel'))
				.orderBy('scheduled_at', 'asc'),
		[],
		'1m'
	);
}

/**
 * Doses from a handle that are already late.
 *
 * @param {{ current: Dose[] | null }} handle
 * @param {number} [now]
 */
export function overdue(handle, now = Date.now()) {
	return (handle.current ?? []).filter((d) => d.status === 'pending' && d.scheduled_at < now);
}

/**
 * @template {Dose} T
 * @param {ReactiveQuery<T>} query
 * @returns {Array<[string, T[]]>}
 */
export function groupByStay(query) {
	/** @type {Map<string, T[]>} */
	const byStay = new Map();
	for (const dose of query.current) {
		const list = byStay.get(dose.stay_id) ?? [];
		list.push(dose);
		byStay.set(dose.stay_id, list);
	}
	return [...byStay.entries()];
}

/**
 * Record a dose as given. Races the write against a timeout: a dose that
 * silently never saves is worse than an error on screen.
 *
 * @param {Dose} dose
 * @param {string} staffInitials
 */
export function giveDose(dose, staffInitials) {
	return Promise.race([
		updateMedicationDose(dose.id, {
			status: 'given',
			given_at: Date.now(),
			given_by: staffInitials
		}),
		timeout(5000, `dose ${dose.medication_name}`)
	]);
}

/**
 * @param {Dose} dose
 * @param {'skipped' | 'refused'} status
 * @param {string} [notes]
 */
export async function missDose(dose, status, notes) {
	const { id } = await updateMedicationDose(dose.id, { status, notes: notes ?? dose.notes });
	return id;
}

/**
 * Resolve once the query has loaded (or failed). For the print view, which
 * renders once and never updates.
 *
 * @template T
 * @param {ReactiveQuery<T>} query
 * @returns {Promise<T[]>}
 */
export function firstLoad(query) {
	return new Promise((resolve, reject) => {
		/** @type {(() => void) | undefined} */
		let unsubscribe;
		unsubscribe = query.subscribe((data, { isLoading, error }) => {
			if (isLoading) return;
			queueMicrotask(() => unsubscribe?.());
			if (error) reject(error);
			else resolve(data);
		});
	});
}

/**
 * Pending doses for one stay, as `{ medication: count }`.
 *
 * @param {string} stayId
 */
export function pendingCounts(stayId) {
	const handle = MedicationDose.where({ stay_id: stayId, status: 'pending' });
	/** @type {Record<string, number>} */
	const counts = {};
	for (const dose of handle.current ?? []) {
		counts[dose.medication_name] = (counts[dose.medication_name] ?? 0) + 1;
	}
	handle.destroy();
	return counts;
}
