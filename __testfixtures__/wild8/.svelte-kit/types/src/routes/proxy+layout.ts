// @ts-nocheck
import type { LayoutLoad } from './$types';
import { Gardener, type ModelHandle } from '$lib/zero';

// Zero lives in the browser (IndexedDB); there is nothing to render on the server.
export const ssr = false;

export const load = ({ url }: Parameters<LayoutLoad>[0]) => {
	const roster: ModelHandle<Gardener[]> = Gardener.where({ active: true });
	return {
		roster,
		me: localStorage.getItem('plotline:gardener'),
		season: Number(url.searchParams.get('season') ?? new Date().getFullYear())
	};
};
