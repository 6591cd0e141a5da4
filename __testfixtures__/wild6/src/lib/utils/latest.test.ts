import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReactiveQuery } from '$zero/reactive-query.svelte';
import { firstOf, latest } from './latest';

describe('latest()', () => {
	afterEach(() => vi.restoreAllMocks());

	it('is undefined while the query has not loaded yet', () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const q = new ReactiveQuery<{ id: string }>(() => null, [{ id: 'st-1' }, { id: 'st-2' }], '1m');

		expect(q.isLoading).toBe(true);
		expect(latest(q)).toBeUndefined();
		expect(firstOf(q)?.id).toBe('st-1');
		expect(q.current).toHaveLength(2);

		q.destroy();
	});

	it('hands the default rows to subscribers straight away', () => {
		const q = new ReactiveQuery<{ id: string }>(() => null, [{ id: 'b-9' }], '1m');
		const seen: string[][] = [];
		const off = q.subscribe((rows) => seen.push(rows.map((r) => r.id)));
		off();
		q.destroy();
		expect(seen).toEqual([['b-9']]);
	});
});
