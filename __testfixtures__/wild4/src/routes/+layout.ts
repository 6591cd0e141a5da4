// Zero keeps its replica in IndexedDB: the app runs in the browser only.
export const ssr: boolean = false;
export const prerender: boolean = false;
