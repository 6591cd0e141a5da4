// The desk is a client-only app: Zero lives in IndexedDB.
export const ssr = false;
export const prerender = false;
