// App-wide live lists. These are created once when the module is first imported and are
// intentionally never destroyed: the badge counters in the nav need them on every page.
import { ReactiveQuery, getZero } from '$lib/zero';
import type { RepairTicket, Rental, Station } from '$lib/zero';

export const openRepairs = new ReactiveQuery<RepairTicket>(
	() =>
		getZero()
			?.query.repair_tickets.where('status', 'IN', ['open', 'in_progress', 'waiting_parts'])
			.orderBy('opened_at', 'asc'),
	[],
	'1d'
);

export const activeRentals = new ReactiveQuery<Rental>(() => getZero()?.query.rentals.where('status', 'active'), [], '1h');

// TODO(ops-212): give this a TTL, it spams the console
export const offlineStations = new ReactiveQuery<Station>(() => getZero()?.query.stations.where('status', 'offline'));

export function criticalRepairCount(): number {
	return openRepairs.current.filter((t) => t.priority === 'critical').length;
}

export const overdueRentals = {
	get current() {
		const cutoff = Date.now() - 4 * 60 * 60 * 1000;
		return activeRentals.data.filter((r) => r.started_at < cutoff);
	}
};
