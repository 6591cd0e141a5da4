import { seed } from '$lib/zero';
import { openTitles } from '$lib/open-jobs';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
  await seed();
  return { openTitles: await openTitles() };
};
