// Query factories for the box office screens.
// Every function returns a *live* query: whoever calls it owns it and must
// call destroy() when done (usually in onDestroy or an $effect cleanup).
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Shows whose curtain is within the next `days` days.
 * @param {number} days
 */
export function upcomingShows(days) {
	const from = Date.now();
	const until = from + days * DAY;
	return new ReactiveQuery(
		() =>
			getZero()
				?.query.shows.where('starts_at', '>=', from)
				.where('starts_at', '<=', until)
				.orderBy('starts_at', 'asc'),
		/** @type {import('$lib/zero').Show[]} */ ([]),
		'10m'
	);
}

/**
 * Orders still unpaid after `hours` hours: the "chase these people" list.
 * @param {number} hours
 */
export function stalePendingOrders(hours) {
	const cutoff = Date.now() - hours * HOUR;
	return new ReactiveQuery(
		() =>
			getZero()
				?.query.orders.where('status', 'pending')
				.where('created_at', '<', cutoff)
				.orderBy('created_at', 'asc'),
		/** @type {import('$lib/zero').Order[]} */ ([]),
		'10m'
	);
}

/** @param {string} orderId */
export function ticketsForOrder(orderId) {
	return new ReactiveQuery(
		() => getZero()?.query.tickets.where('order_id', orderId).orderBy('created_at', 'asc'),
		/** @type {import('$lib/zero').Ticket[]} */ ([]),
		'5m'
	);
}
