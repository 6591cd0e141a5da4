// Formatting helpers and a couple of tiny utilities. Nothing in here talks to
// Zero: keep it that way so it can be unit tested without a client.

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** @param {number | null | undefined} cents */
export function formatMoney(cents) {
	return money.format((cents ?? 0) / 100);
}

/** @param {number | null | undefined} ms */
export function formatDay(ms) {
	return ms ? shortDate.format(ms) : '—';
}

/** @param {number | null | undefined} ms */
export function formatTime(ms) {
	return ms ? time.format(ms) : '—';
}

/**
 * @param {number | null | undefined} from
 * @param {number | null | undefined} to
 */
export function nightsBetween(from, to) {
	if (!from) return 0;
	const end = to ?? Date.now();
	return Math.max(1, Math.ceil((end - from) / 86_400_000));
}

/** @param {{ first_name: string, last_name: string } | null | undefined} owner */
export function ownerName(owner) {
	return owner ? `${owner.last_name}, ${owner.first_name}` : 'Unknown owner';
}

/** @param {string | null | undefined} times e.g. "07:00,17:00" */
export function parseFeedingTimes(times) {
	return (times ?? '')
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
}

/**
 * A wall clock the rota widgets share. It is NOT a query: `current` is just
 * the last tick, `refresh()` re-reads the time, `destroy()` stops the timer.
 *
 * @param {number} [everyMs]
 */
export function createClock(everyMs = 30_000) {
	const clock = {
		current: Date.now(),
		/** @type {Error | null} */
		error: null,
		refresh() {
			clock.current = Date.now();
		},
		destroy() {
			clearInterval(timer);
		}
	};
	const timer = setInterval(() => clock.refresh(), everyMs);
	return clock;
}

/**
 * Fetch JSON from the Rails side (reports that are not synced through Zero).
 *
 * @template T
 * @param {string} url
 * @returns {Promise<{ data: T | null, error: string | null }>}
 */
export async function fetchJson(url) {
	try {
		const res = await fetch(url, { headers: { accept: 'application/json' } });
		if (!res.ok) return { data: null, error: `${res.status} ${res.statusText}` };
		return { data: /** @type {T} */ (await res.json()), error: null };
	} catch (e) {
		return { data: null, error: e instanceof Error ? e.message : String(e) };
	}
}

/**
 * Reject after `ms`. Used with Promise.race around writes so the desk never
 * hangs on a dead connection.
 *
 * @param {number} ms
 * @param {string} [label]
 * @returns {Promise<never>}
 */
export function timeout(ms, label = 'operation') {
	return new Promise((_, reject) => {
		setTimeout(() => reject(new Error(`${label} timed out after ${ms}ms`)), ms);
	});
}
