import { createToolLoan, deleteToolLoan, updateToolLoan } from '$lib/zero';
import type { UpdateToolLoanData } from '$lib/zero';

const DAY = 86_400_000;

/** [loanId, patch] — the offline tray queues these while the shed has no signal. */
export type LoanPatch = [id: string, data: UpdateToolLoanData];

export interface FailedPatch {
	id: string;
	reason: string;
}

export async function flushPatches(patches: LoanPatch[]): Promise<FailedPatch[]> {
	const results = await Promise.allSettled(patches.map((patch) => updateToolLoan(...patch)));
	return results.flatMap((r, i) =>
		r.status === 'rejected' ? [{ id: patches[i]![0], reason: String(r.reason) }] : []
	);
}

let lending = false;

/** Returns the new loan id, or null if a lend is already in flight (double-tap on the shed tablet). */
export async function lend(tool_name: string, gardener_id: string, days = 7): Promise<string | null> {
	if (lending) return null;
	lending = true;
	try {
		const now = Date.now();
		const { id } = await createToolLoan({
			tool_name,
			gardener_id,
			borrowed_at: now,
			due_at: now + days * DAY,
			returned_at: null
		});
		return id;
	} finally {
		lending = false;
	}
}

export function forgetLoan(id: string, onDone: () => void): void {
	deleteToolLoan(id)
		.then(() => onDone())
		.catch((err: unknown) => console.warn('[loans] delete failed', err));
}
