import { ReactiveQuery } from '../reactive-query.svelte';
import { getZero } from '../client';
import { Client as GeneratedClient } from './client.generated';
import type { Client as ClientRow } from './client.generated';

export type Client = ClientRow;

export const Client = {
  ...GeneratedClient,
  /** case-insensitive name search, used by the picker */
  search(term: string) {
    const pattern = `%${term.trim()}%`;
    return new ReactiveQuery<ClientRow>(
      () => (term.trim() ? getZero()?.query.clients.where('name', 'ILIKE', pattern).orderBy('name', 'asc') : null),
      [],
      '10m',
    );
  },
};
