import { afterEach, describe, expect, it } from 'vitest';
import { MedicationDose, ReactiveQuery } from '$zero';
import { firstLoad, groupByStay, overdue, pendingCounts, roundQuery } from './med-rounds.js';

/** @type {Array<{ destroy(): void }>} */
const cleanup = [];

afterEach(() => {
	for (const h of cleanup.splice(0)) h.destroy();
});

describe('med rounds before Zero connects', () => {
	it('returns no overdue doses from a loading handle', () => {
		const handle = MedicationDose.where({ status: 'pending' });
		cleanup.push(handle);
		expect(handle.resultType).toBe('loading');
		expect(handle.current).toEqual([]);
		expect(overdue(handle)).toEqual([]);
	});

	it('groups an empty round into no stays', () => {
		const query = roundQuery(Date.now());
		cleanup.push(query);
		expect(query.isLoading).toBe(true);
		expect(groupByStay(query)).toEqual([]);
	});

	it('counts nothing for an unknown stay', () => {
		expect(pendingCounts('no-such-stay')).toEqual({});
	});
});

describe('ReactiveQuery.subscribe', () => {
	it('calls back immediately with the default value', () => {
		const query = new ReactiveQuery(() => null, [], '1m');
		cleanup.push(query);
		/** @type {boolean[]} */
		const seen = [];
		const unsubscribe = query.subscribe((_data, { isLoading }) => seen.push(isLoading));
		unsubscribe();
		expect(seen).toEqual([true]);
	});

	it('firstLoad rejects when the builder throws', async () => {
		const query = new ReactiveQuery(() => {
			throw new Error('boom');
		}, [], '1m');
		cleanup.push(query);
		await expect(firstLoad(query)).rejects.toThrow('boom');
	});
});
