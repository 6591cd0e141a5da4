import { ReactiveQuery, ReactiveQueryOne, getZero } from '$lib/zero';
import type { WateringShift } from '$lib/zero';
import type { ZoneWatch } from './types';

export const TTL = { live: '2m', page: '10m', report: '1d' } as const satisfies Record<string, string>;

/** First row of a list query, or undefined while it is still loading. */
export function first<T>(q: ReactiveQuery<T>): T | undefined {
	return q.current[0];
}

/** Open shifts in one zone plus the next one, as a single disposable. */
export function openShiftsFor(zone: WateringShift['zone']): ZoneWatch {
	const open = () =>
		getZero()?.query.watering_shifts.where('zone', zone).where('status', 'open').orderBy('starts_at', 'asc');
	const shifts = new ReactiveQuery<WateringShift>(open, [], TTL.live);
	const nextShift = new ReactiveQueryOne<WateringShift>(() => open()?.one(), null, TTL.live);
	return {
		shifts,
		nextShift,
		destroy() {
			shifts.destroy();
			nextShift.destroy();
		}
	} as const satisfies ZoneWatch;
}
