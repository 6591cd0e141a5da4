import { describe, expect, it } from 'vitest';
import { TideTable } from './tides';

const HOUR = 3600_000;
const t0 = Date.UTC(2024, 8, 14, 6);

describe('TideTable', () => {
	const table = new TideTable([
		{ at: t0, height_m: 4.1, kind: 'high' },
		{ at: t0 + 6 * HOUR, height_m: 0.9, kind: 'low' }
	]);

	it('finds the next extreme after a time', () => {
		expect(table.find(new Date(t0 + HOUR))?.kind).toBe('low');
	});

	it('returns null after the last extreme', () => {
		expect(table.find(new Date(t0 + 7 * HOUR))).toBeNull();
	});
});
