// Every test starts from a fresh local Zero (no server: `cacheURL: null`, in-memory store) holding
// the app's seed data, written through the app's own mutators.
import { afterEach, beforeEach } from 'vitest';
import { closeZero, initZero } from '$lib/zero/client';
import { seedJobBoard } from '$lib/testing/seed';
import { resetFilters } from '$lib/stores/filters';
import { resetLayout } from '$lib/stores/layout';
import { router } from '$lib/router.svelte';

let run = 0;

export function useSeededZero(unmountAll?: () => void): void {
  beforeEach(async () => {
    // Zero keeps a 'mem' store per user + storage key for the whole process: a fresh key per test.
    run += 1;
    initZero({ userID: 'user-ada', cacheURL: null, kvStore: 'mem', storageKey: `context-app-test-${run}` });
    await seedJobBoard();
    resetFilters();
    resetLayout();
    router.goto('/');
  });
  afterEach(async () => {
    // Unmount before closing Zero so components release their views on a live client.
    unmountAll?.();
    await closeZero();
  });
}
