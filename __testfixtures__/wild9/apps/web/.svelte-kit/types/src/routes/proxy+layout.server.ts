// @ts-nocheck
import type { LayoutServerLoad } from './$types';

export const load = ({ locals, cookies }: Parameters<LayoutServerLoad>[0]) => ({
	memberId: locals.memberId,
	zeroToken: cookies.get('zero_jwt') ?? undefined,
	clubName: 'Harbour Point SC'
});
