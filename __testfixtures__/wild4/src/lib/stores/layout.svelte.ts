// Layout-wide UI state: which product the header shows, sidebar, scanner link.
import { fromStore, writable, type Writable } from 'svelte/store';
import type { Product, ProductHandle } from '$lib/zero/product.generated';

interface LayoutState {
	currentProduct: ProductHandle<Product | null> | null;
	sidebarOpen: boolean;
}

const state: LayoutState = $state<LayoutState>({ currentProduct: null, sidebarOpen: true });

export const layoutActions = {
	setCurrentProduct(handle: ProductHandle<Product | null> | null): void {
		state.currentProduct = handle;
	},
	clearCurrentProduct(): void {
		state.currentProduct = null;
	},
	toggleSidebar(): void {
		state.sidebarOpen = !state.sidebarOpen;
	}
} satisfies Record<string, (...args: never[]) => void>;

export const layout: { readonly currentProductName: string | null; readonly sidebarOpen: boolean } = {
	get currentProductName(): string | null {
		return state.currentProduct?.current?.name ?? null;
	},
	get sidebarOpen(): boolean {
		return state.sidebarOpen;
	}
};

// The barcode scanner bridge is an ordinary svelte/store; fromStore(...).current is not Zero.
export const scannerConnected: Writable<boolean> = writable<boolean>(false);
const scanner: { current: boolean } = fromStore(scannerConnected);

export function isScannerConnected(): boolean {
	return scanner.current;
}
