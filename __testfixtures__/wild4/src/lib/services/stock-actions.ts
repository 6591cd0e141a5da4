// Write paths. Every function awaits the legacy generated mutators and reports what it did.
import {
	createStockMove,
	deleteBin,
	updateBin,
	updateProduct,
	updateStockMove,
	upsertSupplier,
	type Bin,
	type CreateStockMoveData,
	type StockMove,
	type StockMoveMutationResult,
	type SupplierMutationResult
} from '$lib/zero';

export interface ReceiveInput {
	productId: string;
	toBin: Bin;
	quantity: number;
	note?: string;
}

export type ActionOutcome = { ok: true; id: string } | { ok: false; reason: string };

export async function receiveStock(input: ReceiveInput): Promise<ActionOutcome> {
	if (input.toBin.locked) return { ok: false, reason: `Bin ${input.toBin.code} is locked` };
	const data: CreateStockMoveData = {
		product_id: input.productId,
		to_bin_id: input.toBin.id,
		from_bin_id: null,
		quantity: input.quantity,
		kind: 'receive',
		status: 'completed',
		note: input.note ?? null,
		moved_at: Date.now()
	} satisfies CreateStockMoveData;
	const result: StockMoveMutationResult = await createStockMove(data);
	await updateBin(input.toBin.id, {
		product_id: input.productId,
		quantity: input.toBin.quantity + input.quantity
	});
	return { ok: true, id: result.id };
}

export async function completeMove(move: StockMove): Promise<void> {
	await updateStockMove(move.id, { status: 'completed', moved_at: Date.now() });
}

export async function cancelMove(id: string, reason: string | null = null): Promise<void> {
	await updateStockMove(id, { status: 'cancelled', note: reason });
}

export async function discontinueProduct(productId: string): Promise<boolean> {
	try {
		await updateProduct(productId, { status: 'discontinued' });
		return true;
	} catch (err: unknown) {
		console.error('discontinue failed', err);
		return false;
	}
}

export async function removeEmptyBin(bin: Bin): Promise<ActionOutcome> {
	if (bin.quantity !== 0) return { ok: false, reason: `Bin ${bin.code} still holds ${bin.quantity}` };
	const { id }: { id: string } = await deleteBin(bin.id);
	return { ok: true, id };
}

export async function registerSupplier(name: string, email: string | null): Promise<string> {
	const result: SupplierMutationResult = await upsertSupplier({
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		contact_email: email,
		phone: null,
		lead_time_days: 14,
		active: true
	});
	return result.id;
}
