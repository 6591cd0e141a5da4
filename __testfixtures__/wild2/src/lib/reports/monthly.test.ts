import { describe, it, expect, vi } from 'vitest';
import { Invoice, Visit } from '$lib/zero';
import { settle } from './monthly.js';

vi.mock('$lib/zero/zero-client', () => ({ getZero: () => null }));

describe('legacy handles before Zero is ready', () => {
	it('find() starts loading with a null current', () => {
		const h = Invoice.find('inv-1');
		expect(h.resultType).toBe('loading');
		expect(h.current).toBeNull();
		expect(h.value).toBeNull();
		h.destroy();
	});

	it('where() starts with an empty array', () => {
		const h = Visit.where({ status: 'scheduled' });
		expect(h.current).toEqual([]);
		h.destroy();
	});

	it('settle() times out', async () => {
		await expect(settle(Invoice.all(), 10)).rejects.toThrow(/timed out/);
	});
});
