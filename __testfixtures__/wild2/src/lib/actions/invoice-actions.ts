import * as Z from '$lib/zero';
import { toast } from '$lib/util/toast';

export type ActionResult = { ok: true; id: string } | { ok: false; message: string };

export async function issueInvoice(visitId: string, amountCents: number): Promise<ActionResult> {
	try {
		const { id } = await Z.createInvoice({
			visit_id: visitId,
			number: `INV-${Date.now().toString(36).toUpperCase()}`,
			amount_cents: amountCents,
			status: 'draft',
			due_at: Date.now() + 30 * 86_400_000
		});
		await Z.updateVisit(visitId, { status: 'completed', completed_at: Date.now() });
		return { ok: true, id };
	} catch (err) {
		toast(`Could not issue invoice: ${err}`);
		return { ok: false, message: String(err) };
	}
}

export function voidInvoice(id: string) {
	return Z.updateInvoice(id, { status: 'void' }).then(
		(r) => ({ ok: true as const, id: r.id }),
		(e) => ({ ok: false as const, message: String(e) })
	);
}

export const bulk = {
	async send(ids: string[]) {
		const results = await Promise.allSettled(ids.map((id) => Z.updateInvoice(id, { status: 'sent' })));
		return results.filter((r) => r.status === 'fulfilled').length;
	},
	purgeDrafts(ids: string[]) {
		return Promise.all(ids.map(Z.deleteInvoice));
	}
};

/** Snapshot of all overdue invoices (reads once, then lets go). */
export function overdueNow(): Z.Invoice[] {
	const handle = Z.Invoice.where({ status: 'sent' });
	const rows = handle.current.filter((i) => i.due_at < Date.now());
	handle.destroy();
	return rows;
}

export const mutators: Record<string, (id: string) => Promise<unknown>> = {
	delete: Z.deleteInvoice,
	void: voidInvoice
};
