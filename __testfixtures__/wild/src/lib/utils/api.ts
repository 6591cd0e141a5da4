// Tiny fetch wrapper for the Rails JSON endpoints that are NOT in Zero (reports, health).
// Deliberately looks a bit like the query classes (data / refresh / loading) so components can
// treat both the same. Nothing to do with Zero.
export interface Resource<T> {
  readonly data: T | undefined;
  readonly current: T | undefined;
  readonly loading: boolean;
  readonly error: Error | null;
  refresh(): Promise<void>;
}

export function createResource<T>(url: string, init?: RequestInit): Resource<T> {
  let data: T | undefined;
  let loading = false;
  let error: Error | null = null;

  async function refresh() {
    loading = true;
    try {
      const res = await fetch(url, { credentials: 'include', ...init });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      data = (await res.json()) as T;
      error = null;
    } catch (e) {
      error = e as Error;
    } finally {
      loading = false;
    }
  }

  return {
    get data() {
      return data;
    },
    get current() {
      return data;
    },
    get loading() {
      return loading;
    },
    get error() {
      return error;
    },
    refresh,
  };
}

export const health = createResource<{ ok: boolean; version: string }>('/api/health');
