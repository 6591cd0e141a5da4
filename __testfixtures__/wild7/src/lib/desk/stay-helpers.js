import { get } from 'svelte/store';
import board from './board-store.js';
import { updateKennel, updateStay } from '../zero/index.js';
import { nightsBetween, timeout } from '../format.js';

/** @typedef {import('$zero').Stay} Stay */
/**
 * @template {Stay} [T=Stay]
 * @typedef {import('$zero').ReactiveQuery<T>} StayListQuery
 */

/**
 * One-line summary for the dashboard header.
 *
 * @template {Stay} T
 * @param {StayListQuery<T>} query
 */
function summary({ current, isLoading }) {
	if (isLoading) return 'Loading board…';
	const total = current?.length ?? 0;
	const dueOut = current.filter((s) => (s.expected_check_out_at ?? Infinity) < Date.now()).length;
	return `${total} boarding · ${dueOut} overdue for pickup`;
}

/**
 * Everything on the board that is due out today, from the shared store.
 * Safe to call outside components.
 */
function dueOutToday() {
	const query = get(board);
	const endOfDay = new Date().setHours(23, 59, 59, 999);
	return (query?.current ?? []).filter((s) => (s.expected_check_out_at ?? 0) <= endOfDay);
}

/**
 * @param {{ current: Stay | null, value?: Stay | null }} stayHandle
 * @param {{ timeoutMs?: number }} [opts]
 */
async function checkOut(stayHandle, { timeoutMs = 8000 } = {}) {
	const stay = stayHandle.current ?? stayHandle.value;
	if (!stay) throw new Error('No stay loaded');
	if (stay.status === 'checked_out') return { id: stay.id, alreadyOut: true };

	const result = await Promise.race([
		updateStay(stay.id, { status: 'checked_out', check_out_at: Date.now() }),
		timeout(timeoutMs, 'check-out')
	]);
	if (stay.kennel_id) {
		// The kennel needs cleaning before anyone else goes in.
		await updateKennel(stay.kennel_id, { status: 'cleaning' });
	}
	return { ...result, alreadyOut: false };
}

/** @param {Stay} stay */
function nightsFor(stay) {
	return nightsBetween(stay.check_in_at, stay.check_out_at);
}

/**
 * @template {Stay} T
 * @param {StayListQuery<T>} query
 * @returns {Record<string, T[]>}
 */
function byKennel(query) {
	/** @type {Record<string, T[]>} */
	const groups = {};
	for (const stay of Array.from(query.data)) {
		const key = stay.kennel_id ?? 'unassigned';
		(groups[key] ??= []).push(stay);
	}
	return groups;
}

export default { summary, dueOutToday, checkOut, nightsFor, byKennel };
