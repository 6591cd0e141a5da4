import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	memberId: locals.memberId,
	zeroToken: cookies.get('zero_jwt') ?? undefined,
	clubName: 'Harbour Point SC'
});
