import {
	ReactiveQueryOne as OneQuery,
	ReactiveQuery as ManyQuery
} from '$lib/zero/reactive-query.svelte';
import { getZero, updateInvoice, deleteInvoice, upsertInvoice, Device } from '$lib/zero';
import type { Invoice, UpdateInvoiceData } from '$lib/zero';

export class InvoiceEditor {
	#id: string;
	query: OneQuery<Invoice>;
	siblings: ManyQuery<Invoice>;
	devices = Device.where({ online: true });
	saving = $state(false);
	lastError = $state<string | null>(null);
	draft = $state<UpdateInvoiceData>({});

	constructor(id: string, visitId: string) {
		this.#id = id;
		this.query = new OneQuery<Invoice>(() => getZero()?.query.invoices.where('id', id).one() ?? null, null, '2h');
		this.siblings = new ManyQuery<Invoice>(
			() => getZero()?.query.invoices.where('visit_id', visitId).where('id', '!=', id) ?? null
		);
	}

	get invoice() {
		return this.query.current;
	}

	get total() {
		return (this.query.data?.amount_cents ?? 0) + this.siblings.data.reduce((s, i) => s + i.amount_cents, 0);
	}

	get deviceCount() {
		return this.devices.current.length;
	}

	async save() {
		this.saving = true;
		try {
			await updateInvoice(this.#id, this.draft);
			this.draft = {};
		} catch (e) {
			this.lastError = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	markPaid() {
		return updateInvoice(this.#id, { status: 'paid' })
			.then(() => this.query.refresh())
			.catch((e) => {
				this.lastError = String(e);
			});
	}

	async duplicate() {
		const src = this.query.data;
		if (!src) return null;
		const { id, created_at, updated_at, ...rest } = src;
		void id; void created_at; void updated_at;
		return upsertInvoice({ ...rest, number: `${rest.number}-copy`, status: 'draft' });
	}

	async remove() {
		await deleteInvoice(this.#id);
		this.destroy();
	}

	destroy() {
		this.query.destroy();
		this.siblings.destroy();
		this.devices.destroy();
	}
}
