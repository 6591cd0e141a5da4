// Hand-written additions to the generated Stay model.
import { getZero } from '../client.js';
import { ModelHandle } from '../model-handle.svelte.js';
import { ReactiveQuery } from '../reactive-query.svelte.js';
import { Stay as GeneratedStay } from './stay.generated.js';

/** @typedef {import('./stay.generated.js').Stay} Stay */
/** @typedef {import('./feeding_schedule.generated.js').FeedingSchedule} FeedingSchedule */
/** @typedef {import('./medication_dose.generated.js').MedicationDose} MedicationDose */

const ACTIVE = ['reserved', 'checked_in'];

export const Stay = {
	...GeneratedStay,

	/**
	 * The stay plus its feeding and medication lists, as three handles so the
	 * page can render the stay header before the lists arrive.
	 *
	 * @param {string} stayId
	 * @returns {{ stay: ModelHandle<Stay | null>, feedings: ModelHandle<FeedingSchedule[]>, doses: ModelHandle<MedicationDose[]> }}
	 */
	findProgressive(stayId) {
		return {
			stay: new ModelHandle(() => getZero()?.query.stays.where('id', stayId).one(), null),
			feedings: new ModelHandle(
				() =>
					getZero()
						?.query.feeding_schedules.where('stay_id', stayId)
						.where('active', true)
						.orderBy('created_at', 'asc'),
				[]
			),
			doses: new ModelHandle(
				() =>
					getZero()?.query.medication_doses.where('stay_id', stayId).orderBy('scheduled_at', 'asc'),
				[]
			)
		};
	},

	/** @param {'pet' | 'kennel'} relation */
	includes(relation) {
		return {
			/** @returns {ModelHandle<Array<Stay & Record<string, any>>>} */
			active() {
				return new ModelHandle(
					() =>
						/** @type {any} */ (
							getZero()?.query.stays.where('status', 'IN', ACTIVE).orderBy('check_in_at', 'asc')
						)?.related(relation),
					[]
				);
			}
		};
	},

	/**
	 * Occupancy board: every checked-in stay with pet and kennel joined.
	 * Returns a ReactiveQuery (not a ModelHandle) because the board wants
	 * `.isLoading` and `.refresh()`.
	 */
	board() {
		return new ReactiveQuery(
			() =>
				getZero()
					?.query.stays.where('status', 'checked_in')
					.related('pet', (q) => q.related('owner'))
					.related('kennel')
					.orderBy('check_in_at', 'asc'),
			[],
			'2m'
		);
	}
};
