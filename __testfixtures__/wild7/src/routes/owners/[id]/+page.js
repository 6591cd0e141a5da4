/** @type {import('./$types').PageLoad} */
export function load({ params }) {
	return { ownerId: params.id, crumb: 'Owner' };
}
