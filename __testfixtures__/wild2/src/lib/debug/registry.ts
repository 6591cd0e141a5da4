import { ReactiveQuery as LegacyQuery } from '$lib/zero';
import type { ReactiveQueryOne } from '$lib/zero';
import { getZero } from '$lib/zero/zero-client';
import type { Technician, Device } from '$lib/zero';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = { name: string; query: LegacyQuery<any> | ReactiveQueryOne<any> };

const live = new Map<string, LegacyQuery<unknown>>();

export function track<T>(name: string, query: LegacyQuery<T>) {
	live.set(name, query as LegacyQuery<unknown>);
	return query;
}

export function untrack(name: string) {
	live.get(name)?.destroy();
	live.delete(name);
}

export function sizes(): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [name, q] of live) out[name] = q.current.length;
	return out;
}

export function debugEntries(): Entry[] {
	return [
		{
			name: 'technicians',
			query: track('technicians', new LegacyQuery<Technician>(() => getZero()?.query.technicians ?? null, [], '1m'))
		},
		{
			name: 'offline devices',
			query: track(
				'offline devices',
				new LegacyQuery<Device>(() => getZero()?.query.devices.where('online', false) ?? null, [], '1m')
			)
		}
	];
}

export function teardown() {
	for (const name of [...live.keys()]) untrack(name);
}
