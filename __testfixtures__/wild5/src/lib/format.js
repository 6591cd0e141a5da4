// Display helpers. Pure functions over plain rows: nothing live in here.

/** @typedef {import('$lib/zero').Show} Show */

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** @param {number} cents */
export function formatCents(cents) {
	return money.format(cents / 100);
}

/** @param {number} epochMs */
export function formatWhen(epochMs) {
	return when.format(new Date(epochMs));
}

/** @param {Show} show */
export function showLabel(show) {
	return `${show.title} · ${formatWhen(show.starts_at)}`;
}

/** @type {Record<import('$lib/zero').OrderStatus, string>} */
export const ORDER_STATUS_LABEL = {
	pending: 'Awaiting payment',
	paid: 'Paid',
	refunded: 'Refunded',
	void: 'Void'
};

/**
 * Client-side search box filter. (Named like the model finder, but it only
 * filters an array that is already in memory.)
 * @template {{ buyer_name: string, buyer_email: string }} R
 * @param {R[]} rows
 * @param {string} term
 * @returns {R[]}
 */
export function where(rows, term) {
	const needle = term.trim().toLowerCase();
	if (!needle) return rows;
	return rows.filter(
		(r) => r.buyer_name.toLowerCase().includes(needle) || r.buyer_email.toLowerCase().includes(needle)
	);
}

/**
 * Find the first row whose seat label matches, e.g. "B12".
 * @template {{ seat_label: string | null }} R
 * @param {R[]} rows
 * @param {string} seat
 * @returns {R | undefined}
 */
export function find(rows, seat) {
	return rows.find((r) => r.seat_label?.toUpperCase() === seat.toUpperCase());
}
