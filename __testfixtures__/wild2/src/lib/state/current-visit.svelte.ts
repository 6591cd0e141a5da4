import type { VisitHandle, Visit } from '$lib/zero';

// Layout-level state: the visit the technician is currently working on.
let handle = $state<VisitHandle<Visit | null> | null>(null);

export const currentVisit = {
	set(h: VisitHandle<Visit | null>) {
		handle?.destroy();
		handle = h;
	},
	clear() {
		handle?.destroy();
		handle = null;
	},
	get visit() {
		return handle?.current ?? null;
	},
	get loading() {
		return handle?.resultType === 'loading';
	},
	get title() {
		const v = handle?.value;
		return v ? `${v.customer_name} — ${v.address}` : 'No active visit';
	}
};
