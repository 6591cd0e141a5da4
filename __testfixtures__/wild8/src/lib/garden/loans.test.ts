import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToolLoan, type ModelHandle } from '$lib/zero';
import { closeZero, initZero } from '$lib/zero/client';
import { lend } from './loans';

const opened: ModelHandle<unknown>[] = [];

beforeEach(() => {
	initZero({ userID: 'vitest', cacheURL: null, kvStore: 'mem' });
});

afterEach(async () => {
	for (const handle of opened.splice(0)) handle.destroy();
	await closeZero();
});

describe('lend()', () => {
	it('ToolLoan.find(id).current fills in after lending', async () => {
		const id = await lend('wheelbarrow', 'g-ada', 3);
		expect(id).toBeTruthy();

		const loan = ToolLoan.find(id!);
		opened.push(loan);
		await vi.waitFor(() => expect(loan.current?.tool_name).toBe('wheelbarrow'));
	});

	it('shows up as an open loan', async () => {
		const id = await lend('loppers', 'g-bo');
		const open = ToolLoan.where({ returned_at: null });
		opened.push(open);
		await vi.waitFor(() => expect(open.resultType).not.toBe('loading'));
		expect(open.current.map((l) => l.id)).toContain(id);
	});

	it('refuses a second lend while the first is in flight', async () => {
		const [a, b] = await Promise.all([lend('hoe', 'g-cy'), lend('hoe', 'g-cy')]);
		expect([a, b].filter(Boolean)).toHaveLength(1);
	});
});
