// Hand-written additions to the generated Pet model.
// The generator overwrites *.generated.js; this file is ours.
import { getZero } from '../client.js';
import { ModelHandle } from '../model-handle.svelte.js';
import { Pet as GeneratedPet } from './pet.generated.js';

/** @typedef {import('./pet.generated.js').Pet} Pet */
/** @typedef {import('./owner.generated.js').Owner} Owner */
/** @typedef {Pet & { owner?: Owner }} PetWithOwner */

/** @param {'owner' | 'stays'} relation */
function includes(relation) {
	return {
		/**
		 * @param {string} id
		 * @returns {ModelHandle<PetWithOwner | null>}
		 */
		find(id) {
			return new ModelHandle(
				() => /** @type {any} */ (getZero()?.query.pets.where('id', id))?.related(relation).one(),
				null
			);
		},
		/** @returns {ModelHandle<PetWithOwner[]>} */
		all() {
			return new ModelHandle(
				() => /** @type {any} */ (getZero()?.query.pets.orderBy('name', 'asc'))?.related(relation),
				[]
			);
		}
	};
}

export const Pet = {
	...GeneratedPet,
	includes,

	/**
	 * Pets whose name or microchip starts with `term` (front-desk search box).
	 *
	 * @param {string} term
	 * @returns {ModelHandle<Pet[]>}
	 */
	search(term) {
		const like = `${term.replace(/[%_]/g, '')}%`;
		return new ModelHandle(
			() =>
				getZero()
					?.query.pets.where(({ or, cmp }) =>
						or(cmp('name', 'ILIKE', like), cmp('microchip_number', 'ILIKE', like))
					)
					.orderBy('name', 'asc')
					.limit(25),
			[]
		);
	}
};
