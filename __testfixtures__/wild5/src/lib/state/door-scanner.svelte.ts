// Door check-in state. One instance lives on the /door page.
import { ReactiveQuery as Live, ReactiveQueryOne as LiveOne, getZero } from '$lib/zero';
import { updateTicket, type Ticket } from '$lib/zero/ticket.generated';

export type ScanOutcome = 'admitted' | 'already-in' | 'unknown' | 'idle';

export class DoorScanner {
	#code = $state('');
	outcome = $state<ScanOutcome>('idle');

	// Until a code is scanned the builder returns null, so the query just
	// idles on its 100ms retry. scan() refreshes it with the new code.
	#detail = new LiveOne<Ticket>(
		() => (this.#code ? (getZero()?.query.tickets.where('id', this.#code).one() ?? null) : null),
		null,
		'1m'
	);

	recent = new Live<Ticket>(
		() =>
			getZero()
				?.query.tickets.where('checked_in', true)
				.orderBy('checked_in_at', 'desc')
				.limit(25),
		[],
		'1m'
	);

	get code(): string {
		return this.#code;
	}

	get ticket(): Ticket | null {
		return this.#detail.current;
	}

	get looking(): boolean {
		return this.#code !== '' && this.#detail.loading;
	}

	scan(code: string): void {
		this.#code = code.trim();
		this.outcome = 'idle';
		this.#detail.refresh();
	}

	async admit(): Promise<ScanOutcome> {
		const ticket = this.#detail.data;
		if (!ticket) return (this.outcome = 'unknown');
		if (ticket.checked_in) return (this.outcome = 'already-in');
		await updateTicket(ticket.id, { checked_in: true, checked_in_at: Date.now() });
		return (this.outcome = 'admitted');
	}

	dispose(): void {
		this.#detail.destroy();
		this.recent.destroy();
	}
}
