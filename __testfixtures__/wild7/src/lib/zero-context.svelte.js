// One object with every model and mutator the pages need, handed out through
// Svelte context so components do not import from $lib/zero directly (that
// made the pages impossible to render in the component playground).
import { getContext, setContext } from 'svelte';
import * as models from './zero/index.js';

const KEY = Symbol.for('kennel-desk/zero');

const connection = $state({ online: false, since: 0 });

/** @param {boolean} online */
export function markOnline(online) {
	if (connection.online === online) return;
	connection.online = online;
	connection.since = Date.now();
}

export function createZeroContext() {
	const {
		Owner,
		Pet,
		Kennel,
		Stay,
		FeedingSchedule,
		MedicationDose,
		createOwner,
		updateOwner,
		createPet,
		updatePet,
		upsertPet,
		updateKennel,
		createStay,
		updateStay,
		deleteStay,
		createFeedingSchedule,
		updateFeedingSchedule,
		createMedicationDose,
		updateMedicationDose
	} = models;

	return {
		Owner,
		Pet,
		Kennel,
		Stay,
		FeedingSchedule,
		MedicationDose,
		createOwner,
		updateOwner,
		createPet,
		updatePet,
		upsertPet,
		updateKennel,
		createStay,
		updateStay,
		deleteStay,
		createFeedingSchedule,
		updateFeedingSchedule,
		createMedicationDose,
		updateMedicationDose,
		/** connection flag for the header dot; not a query */
		status: connection
	};
}

/** @typedef {ReturnType<typeof createZeroContext>} ZeroContext */

/**
 * @param {ZeroContext} [ctx]
 * @returns {ZeroContext}
 */
export function setZeroContext(ctx = createZeroContext()) {
	return setContext(KEY, ctx);
}

/** @returns {ZeroContext} */
export function getZeroContext() {
	const ctx = getContext(KEY);
	if (!ctx) {
		throw new Error('getZeroContext() called outside the root layout');
	}
	return /** @type {ZeroContext} */ (ctx);
}
