// One object with the model finders and the mutators, built once in the root
// layout and handed to every component through Svelte context. Components do
// `const { Show, updateShow } = getZeroContext();` instead of importing.
import { getContext, setContext } from 'svelte';
import { Show, Order, updateShow, updateOrder, deleteOrder } from '$lib/zero';

const ZERO_CONTEXT = Symbol('marquee:zero');

function buildZeroContext() {
	return {
		Show,
		Order,
		updateShow,
		updateOrder,
		deleteOrder
	};
}

export type ZeroContext = ReturnType<typeof buildZeroContext>;

export function setZeroContext(): ZeroContext {
	const ctx = buildZeroContext();
	setContext(ZERO_CONTEXT, ctx);
	return ctx;
}

export function getZeroContext(): ZeroContext {
	const ctx = getContext<ZeroContext | undefined>(ZERO_CONTEXT);
	if (!ctx) throw new Error('getZeroContext() called outside of the root layout');
	return ctx;
}
