// Server-only: pulls insurance eligibility from the Rails API. No Zero here.
// (Do not "migrate" this file: there is no ReactiveQuery / .current usage of Zero in it.)
import type { PageServerLoad } from './$types';

type Eligibility = { patient_id: string; eligible: boolean };

const cache = { current: null as Eligibility[] | null, fetchedAt: 0 };

export const load: PageServerLoad = async ({ fetch }) => {
  if (!cache.current || Date.now() - cache.fetchedAt > 60_000) {
    const res = await fetch('/api/eligibility');
    cache.current = res.ok ? ((await res.json()) as Eligibility[]) : [];
    cache.fetchedAt = Date.now();
  }
  const data = cache.current;
  return { eligibility: data, note: 'patients.current is served from Rails' };
};
