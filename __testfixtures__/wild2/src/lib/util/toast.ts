// Tiny toast queue. The `data` field below is a plain payload, nothing to do with queries.
type Toast = { id: number; message: string; data?: unknown };
const queue: Toast[] = [];
let next = 1;

export function toast(message: string, data?: unknown) {
	queue.push({ id: next++, message, data });
	if (queue.length > 5) queue.shift();
}

export function latestToastData() {
	return queue.at(-1)?.data;
}
