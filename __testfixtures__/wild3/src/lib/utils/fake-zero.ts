// Dev-only stand-in so the desk runs without zero-cache. Not used in production builds.
import type { LegacyZero } from '$lib/zero/zero-client';

export function createFakeZero(): LegacyZero {
  const noopQuery: any = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === 'materialize')
          return () => ({ data: [], addListener: () => () => {}, destroy: () => {} });
        return () => noopQuery;
      }
    }
  );
  return {
    userID: 'desk',
    query: new Proxy({}, { get: () => noopQuery }),
    mutate: new Proxy({}, { get: () => new Proxy({}, { get: () => async () => {} }) })
  };
}
