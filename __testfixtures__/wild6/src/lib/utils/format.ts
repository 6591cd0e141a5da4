// Formatting helpers shared by every screen. No Zero imports in here on purpose:
// pass plain rows, never a Bike.find() / Station.all() handle.

export const icons = {
	Station: '🅿️',
	Bike: '🚲',
	Rider: '🧑',
	Rental: '⏱️',
	RepairTicket: '🔧'
} as const;

export const labels: Record<keyof typeof icons, string> = {
	Station: 'Stations',
	Bike: 'Fleet',
	Rider: 'Riders',
	Rental: 'Rentals',
	RepairTicket: 'Repairs'
};

/** Shown on the debug page so people stop copy-pasting the old helpers. */
export const DEPRECATION_NOTE =
	'ReactiveQuery, ReactiveQueryOne and Model.find()/Model.all() handles are being phased out — call .destroy() until then.';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCents(cents: number | null | undefined): string {
	return cents == null ? '—' : money.format(cents / 100);
}

export function formatDuration(ms: number): string {
	const mins = Math.max(0, Math.round(ms / 60_000));
	if (mins < 60) return `${mins}m`;
	const h = Math.floor(mins / 60);
	return `${h}h ${mins % 60}m`;
}

export function batteryLabel(level: number | null): string {
	if (level == null) return 'n/a';
	if (level < 15) return `${level}% (swap)`;
	return `${level}%`;
}
