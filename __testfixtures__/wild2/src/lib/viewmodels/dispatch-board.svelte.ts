import { ReactiveQuery, ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero';
import type { Visit, Technician } from '$lib/zero';

const BOARD_TTL = '10m';

export type BoardFilter = 'today' | 'week' | 'all';

/**
 * View model for the dispatch board. Owns its queries; call dispose() when the
 * page goes away.
 */
export class DispatchBoard {
	filter = $state<BoardFilter>('today');
	region = $state('north');

	visitsQuery = $state(
		new ReactiveQuery<Visit>(
			() => getZero()?.query.visits.where('status', 'scheduled').orderBy('scheduled_at', 'asc') ?? null,
			[],
			BOARD_TTL
		)
	);

	techniciansQuery = new ReactiveQuery<Technician>(
		() => getZero()?.query.technicians.where('active', true).orderBy('name', 'asc') ?? null,
		[],
		'30m'
	);

	selectedVisitId = $state<string | null>(null);

	selectedVisitQuery = $derived(
		new ReactiveQueryOne<Visit>(
			() => (this.selectedVisitId ? getZero()?.query.visits.where('id', this.selectedVisitId).one() ?? null : null),
			null,
			BOARD_TTL
		)
	);

	get visits(): Visit[] {
		return this.visitsQuery.data;
	}

	get technicians() {
		return this.techniciansQuery.current ?? [];
	}

	get selectedVisit() {
		return this.selectedVisitQuery.data;
	}

	get busy() {
		return this.visitsQuery.isLoading || this.techniciansQuery.loading;
	}

	get problem(): Error | null {
		return this.visitsQuery.error ?? this.techniciansQuery.error;
	}

	unassigned = $derived(this.visitsQuery.data.filter((v) => !v.technician_id));

	countFor(techId: string): number {
		return this.visitsQuery.current.filter((v) => v.technician_id === techId).length;
	}

	reload() {
		this.visitsQuery.refresh();
		this.techniciansQuery.refresh();
	}

	dispose() {
		this.visitsQuery.destroy();
		this.techniciansQuery.destroy();
		this.selectedVisitQuery.destroy();
	}
}
