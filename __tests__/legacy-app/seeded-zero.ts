// Every legacy-app test starts from a fresh local Zero (no server: `cacheURL: null`, in-memory
// store) holding the app's own seed data, written through the app's mutators.
import { afterEach, beforeEach } from 'vitest';
import { closeZero, initZero } from '$lib/zero/client';
import { seedJobBoard } from '$lib/testing/seed';
import { resetJobFilters } from '$lib/stores/job-filters';
import { page } from '$lib/page.svelte';

let run = 0;

export function useSeededZero(unmountAll?: () => void): void {
  beforeEach(async () => {
    // Zero keeps a 'mem' store per user and storage key for the whole process: a fresh key per
    // test keeps the previous test's rows out.
    run += 1;
    initZero({ userID: 'user-ada', cacheURL: null, kvStore: 'mem', storageKey: `legacy-app-test-${run}` });
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
