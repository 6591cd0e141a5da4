import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { initZero } from '$lib/zero/client';
import { Gardener } from '$lib/zero';

const ME_KEY = 'plotline:gardener';

export const init: ClientInit = async () => {
	initZero({ userID: localStorage.getItem(ME_KEY) ?? 'guest' });

	// Warm the roster so the first page paints names instead of ids. We wait at most
	// 1.5 s; the layout opens its own handle, this one only primes the local cache.
	const roster = Gardener.where({ active: true });
	try {
		const started = performance.now();
		while (roster.resultType === 'loading' && performance.now() - started < 1500) {
			await new Promise((r) => setTimeout(r, 50));
		}
		console.info(`[plotline] ${roster.current.length} active gardeners cached`);
	} finally {
		roster.destroy();
	}
};

export const handleError: HandleClientError = ({ error, message, status }) => {
	console.error('[plotline]', status, error);
	return { message: status === 404 ? 'Nothing planted here yet.' : message };
};
