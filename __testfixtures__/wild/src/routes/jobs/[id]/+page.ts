import type { LayoutLoad as PageLoad } from '../../$types';

export const load = (async ({ params }) => {
  return { jobId: params.id ?? '' };
}) satisfies PageLoad;
