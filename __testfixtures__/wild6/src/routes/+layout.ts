// Zero lives in IndexedDB; nothing useful can render on the server.
export const ssr = false;
export const prerender = false;
