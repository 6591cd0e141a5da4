// Monthly revenue report, used by the /api/report endpoint and the admin page.
import { Invoice, Visit } from '$lib/zero';

/**
 * @typedef {import('$lib/zero').Invoice} InvoiceRow
 * @typedef {{ month: string, total: number, count: number }} MonthRow
 */

/**
 * Waits for the first non-loading snapshot of a model handle.
 * @template T
 * @param {import('$lib/zero').InvoiceHandle<T>} handle
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
export function settle(handle, timeoutMs = 5000) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const tick = () => {
			if (handle.resultType !== 'loading') {
				const v = handle.current;
				handle.destroy();
				resolve(v);
			} else if (Date.now() - started > timeoutMs) {
				handle.destroy();
				reject(new Error('timed out waiting for invoices'));
			} else {
				setTimeout(tick, 50);
			}
		};
		tick();
	});
}

/** @returns {Promise<MonthRow[]>} */
export function monthlyTotals() {
	return settle(Invoice.where({ status: 'paid' })).then((rows) => {
		/** @type {Map<string, MonthRow>} */
		const byMonth = new Map();
		for (const inv of rows) {
			const month = new Date(inv.due_at).toISOString().slice(0, 7);
			const row = byMonth.get(month) ?? { month, total: 0, count: 0 };
			row.total += inv.amount_cents;
			row.count += 1;
			byMonth.set(month, row);
		}
		return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
	});
}

export async function completedVisitCount() {
	const handle = Visit.where({ status: 'completed' });
	try {
		while (handle.resultType === 'loading') await new Promise((r) => setTimeout(r, 25));
		return handle.value.length;
	} finally {
		handle.destroy();
	}
}
