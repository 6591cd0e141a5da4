// Zero client bootstrap. The schema lives on the Rails side; we keep the client loosely typed
// until the generator emits a proper schema module.
/* eslint-disable @typescript-eslint/no-explicit-any */

export type LegacyQuery = {
  where: (...args: any[]) => LegacyQuery;
  orderBy: (column: string, dir: 'asc' | 'desc') => LegacyQuery;
  related: (name: string, cb?: (q: LegacyQuery) => LegacyQuery) => LegacyQuery;
  limit: (n: number) => LegacyQuery;
  one: () => LegacyQuery;
  materialize: (ttl?: string) => LegacyView;
};

export type LegacyView = {
  data: unknown;
  addListener: (cb: (data: unknown) => void) => () => void;
  destroy: () => void;
};

export type LegacyZero = {
  userID: string;
  query: Record<string, LegacyQuery>;
  mutate: Record<string, Record<string, (arg: any) => Promise<void>>>;
};

let instance: LegacyZero | null = null;

export function initZero(z: LegacyZero) {
  instance = z;
}

export function getZero(): LegacyZero | null {
  return instance;
}
