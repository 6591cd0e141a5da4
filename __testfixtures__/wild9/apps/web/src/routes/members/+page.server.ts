import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	invite: async ({ request, fetch }) => {
		const email = String((await request.formData()).get('email') ?? '').trim();
		if (!email.includes('@')) {
			return fail(400, { message: 'That does not look like an e-mail address.' });
		}
		const res = await fetch('/api/invites', { method: 'POST', body: JSON.stringify({ email }) });
		if (!res.ok) {
			return fail(res.status, { message: 'The invite service is unavailable.' });
		}
		return { sent: email };
	}
} satisfies Actions;
