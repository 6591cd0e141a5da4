import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => ({ raceId: params.id });
