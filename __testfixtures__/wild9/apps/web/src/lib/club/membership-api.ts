// The membership office's REST API (subscriptions are billed there, not in Zero).

export interface Renewal {
	year: number;
	method?: 'card' | 'bank' | 'cash';
}

export async function updateMembership(memberId: string, renewal: Renewal): Promise<Response> {
	return fetch(`/api/memberships/${encodeURIComponent(memberId)}`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(renewal)
	});
}
