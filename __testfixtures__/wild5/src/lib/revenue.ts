// Revenue numbers for the dashboard and the nightly settlement sheet.
import { Order } from '$lib/zero';
import type { Order as OrderRow } from '$lib/zero';
import type { ReactiveQuery } from '$lib/zero/reactive-query.svelte';

export interface RevenueSummary {
	paidCents: number;
	refundedCents: number;
	pendingCount: number;
}

export function summarize(orders: readonly OrderRow[]): RevenueSummary {
	let paidCents = 0;
	let refundedCents = 0;
	let pendingCount = 0;
	for (const o of orders) {
		if (o.status === 'paid') paidCents += o.total_cents;
		else if (o.status === 'refunded') refundedCents += o.total_cents;
		else if (o.status === 'pending') pendingCount += 1;
	}
	return { paidCents, refundedCents, pendingCount };
}

/** Whatever is in the local cache right now for one show. */
export function revenueSnapshot(showId: string): RevenueSummary {
	const handle = Order.where({ show_id: showId });
	try {
		return summarize(handle.current);
	} finally {
		handle.destroy();
	}
}

/** Calls back with paid cents every time the query's rows change. */
export function watchRevenue(
	query: ReactiveQuery<OrderRow>,
	onChange: (paidCents: number) => void
): () => void {
	return query.subscribe((rows, { isLoading }) => {
		if (!isLoading) onChange(summarize(rows).paidCents);
	});
}
