// Zero keeps its replica in IndexedDB, so the whole back office is client-only.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
