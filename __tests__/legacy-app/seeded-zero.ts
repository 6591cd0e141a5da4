// Every legacy-app test starts from a fresh local Zero (no server: `cacheURL: null`, in-memory
// store) holding the app's own seed data, written through the app's mutators.
import { afterEach, beforeEach } from 'vitest';
import { closeZero, initZero } from '$lib/zero/client';
import { seedJobBoard } from '$lib/testing/seed';
import { resetJobFilters } from '$lib/stores/job-filters';
import { page } from '$lib/page.svelte';

export function useSeededZero(unmountAll?: () => void): void {
  beforeEach(async () => {
    initZero({ userID: 'user-ada', cacheURL: null, kvStore: 'mem' });
    await seedJobBoard();
    resetJobFilters();
    page.goto('/');
  });
  afterEach(async () => {
    // Unmount before closing Zero so components release their views on a live client.
    unmountAll?.();
    await closeZero();
  });
}
