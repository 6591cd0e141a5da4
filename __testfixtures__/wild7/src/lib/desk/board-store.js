// The occupancy board, shared by the dashboard, the kennel page and the
// print view. One query for the whole app: every subscriber shares it and it
// is torn down when the last one goes away.
import { derived, readable } from 'svelte/store';
import { Kennel, Stay } from '$zero';

/** @typedef {ReturnType<typeof Stay.board>} BoardQuery */
/** @typedef {import('$zero').Kennel} KennelRow */

const board = readable(/** @type {BoardQuery | null} */ (null), (set) => {
	const query = Stay.board();
	set(query);
	return () => query.destroy();
});

/**
 * Kennel list as a plain array store. ModelHandle is rune-based and this is a
 * plain .js module, so we poll it (cheap: it only reads local state).
 */
export const kennels = readable(/** @type {KennelRow[]} */ ([]), (set) => {
	const handle = Kennel.all();
	let last = /** @type {KennelRow[] | null} */ (null);
	const timer = setInterval(() => {
		const rows = handle.current;
		if (rows !== last) {
			last = rows;
			set(rows ?? []);
		}
	}, 500);
	return () => {
		clearInterval(timer);
		handle.destroy();
	};
});

export const occupied = derived(board, ($board) => $board?.current ?? []);

export const dueOutToday = derived(board, ($board) => {
	const endOfDay = new Date().setHours(23, 59, 59, 999);
	return ($board?.current ?? []).filter(
		(stay) => (stay.expected_check_out_at ?? Infinity) <= endOfDay
	);
});

export const vacancies = derived([kennels, occupied], ([$kennels, $occupied]) => {
	const taken = new Set($occupied.map((s) => s.kennel_id));
	return $kennels.filter((k) => k.status === 'available' && !taken.has(k.id));
});

export default board;
