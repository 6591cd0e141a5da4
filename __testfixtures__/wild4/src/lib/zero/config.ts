// Where the browser finds zero-cache. Kept out of the client module so tests can import it.
export const ZERO_CACHE_URL: string = 'http://localhost:4848';
export const DEFAULT_QUERY_TTL: string = '1h';
