import type { Attachment } from 'svelte/attachments';
import type { ReactiveQuery } from '$lib/zero';

/** `<span {@attach liveCount(openRepairs, 'open')}>` — keeps the text in sync without a $derived. */
export function liveCount<T>(query: ReactiveQuery<T>, label = 'rows'): Attachment<HTMLElement> {
	return (node) => {
		const off = query.subscribe((rows, { isLoading }) => {
			node.textContent = isLoading ? '…' : `${rows.length} ${label}`;
		});
		return off;
	};
}

/** Minimal title-attribute tooltip; the design system one is too heavy for tables. */
export function tooltip(text: string | null | undefined): Attachment<HTMLElement> {
	return (node) => {
		if (!text) return;
		const previous = node.title;
		node.title = text;
		return () => {
			node.title = previous;
		};
	};
}
