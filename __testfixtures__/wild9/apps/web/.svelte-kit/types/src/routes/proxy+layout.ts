// @ts-nocheck
import { browser } from '$app/environment';
import { initZero } from '@tiller/data';
import type { LayoutLoad } from './$types';

export const ssr = false;

export const load = ({ data }: Parameters<LayoutLoad>[0]) => {
	if (browser && data.memberId) {
		initZero({ userID: data.memberId, server: import.meta.env.VITE_ZERO_SERVER, auth: data.zeroToken });
	}
	return data;
};
