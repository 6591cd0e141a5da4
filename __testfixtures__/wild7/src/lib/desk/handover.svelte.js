// Shift handover sheet: what the night shift needs to know about every pet
// that is boarding. Owns its queries; call destroy() when the sheet closes.
import { FeedingSchedule, MedicationDose, Stay } from '$zero';
import stayHelpers from './stay-helpers.js';

/** @typedef {ReturnType<typeof MedicationDose.where>} DoseListHandle */

export class Handover {
	stays = Stay.where({ status: 'checked_in' });
	feedings = FeedingSchedule.where({ active: true });

	/** @type {Map<string, DoseListHandle>} */
	#dosesByStay = new Map();

	/** free-text notes typed on the sheet (not synced) */
	notes = $state(/** @type {string[]} */ ([]));

	/** @param {number} until end of the shift, epoch ms */
	constructor(until) {
		this.until = until;
	}

	get ready() {
		return this.stays.resultType !== 'loading' && this.feedings.resultType !== 'loading';
	}

	/** @param {string} stayId */
	dosesFor(stayId) {
		let handle = this.#dosesByStay.get(stayId);
		if (!handle) {
			handle = MedicationDose.where({ stay_id: stayId, status: 'pending' });
			this.#dosesByStay.set(stayId, handle);
		}
		return handle.current.filter((d) => d.scheduled_at <= this.until);
	}

	get rows() {
		const feeds = this.feedings.current ?? [];
		return this.stays.current.map((stay) => ({
			...stay,
			nights: stayHelpers.nightsFor(stay),
			feeds: feeds.filter((f) => f.stay_id === stay.id)
		}));
	}

	destroy() {
		this.stays.destroy();
		this.feedings.destroy();
		for (const handle of this.#dosesByStay.values()) handle.destroy();
		this.#dosesByStay.clear();
	}
}
