// Rows in long lists each want their client's name; one live handle per client id instead of one per row.
// Never evicted — there are ~200 clients, fine for now.
import { Client } from '$lib/zero';
import type { ModelHandle } from '$lib/zero/model-handle';
import type { Client as ClientRow } from '$lib/zero/models/client.generated';

const cache = new Map<string, ModelHandle<ClientRow | null>>();

export function clientHandle(id: string): ModelHandle<ClientRow | null> {
  let handle = cache.get(id);
  // a handle created before Zero was ready never updates, so don't keep it
  if (!handle || handle.resultType === 'loading') {
    handle?.destroy();
    handle = Client.find(id);
    cache.set(id, handle);
  }
  return handle;
}

export const clientName = (id: string | null | undefined, fallback = '') =>
  id ? (clientHandle(id).current?.name ?? fallback) : fallback;

export function clearClientCache() {
  cache.forEach((h) => h.destroy());
  cache.clear();
}
