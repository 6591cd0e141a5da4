// Svelte store shared by the layout header and whichever page is focused on a
// show. Pages push the live handle in; the header reads the title off it.
import { writable, derived } from 'svelte/store';
import type { ShowHandle } from '$lib/zero';

interface LayoutState {
	currentShow: ShowHandle | null;
	sidebarOpen: boolean;
}

const state = writable<LayoutState>({ currentShow: null, sidebarOpen: true });

export const layout = { subscribe: state.subscribe };

export const headerTitle = derived(state, ($s) => $s.currentShow?.current?.title ?? 'Marquee');

export const layoutActions = {
	setCurrentShow(handle: ShowHandle) {
		state.update((s) => ({ ...s, currentShow: handle }));
	},
	clearCurrentShow() {
		state.update((s) => ({ ...s, currentShow: null }));
	},
	toggleSidebar() {
		state.update((s) => ({ ...s, sidebarOpen: !s.sidebarOpen }));
	}
};
