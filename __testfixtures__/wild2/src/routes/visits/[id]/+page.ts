import type { PageLoad } from './$types';
import { error } from '@sveltejs/kit';

export const ssr = false;

export const load: PageLoad = async ({ params }) => {
	if (!/^[0-9a-f-]{36}$/.test(params.id)) error(404, 'No such visit');
	const { Visit, Invoice } = await import('$lib/zero');
	return {
		id: params.id,
		visit: Visit.find(params.id),
		invoices: Invoice.where({ visit_id: params.id })
	};
};
