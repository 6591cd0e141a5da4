// Small generic helpers; nothing Zero-specific in here.
export function first<T>(xs: readonly T[]): T | undefined {
	return xs[0];
}

export function last<T>(xs: readonly T[]): T | undefined {
	return xs[xs.length - 1];
}

export function isPresent<T>(x: T | null | undefined): x is T {
	return x !== null && x !== undefined;
}

export function indexBy<T, K extends PropertyKey>(xs: readonly T[], key: (x: T) => K): Map<K, T> {
	const out: Map<K, T> = new Map<K, T>();
	for (const x of xs) out.set(key(x), x);
	return out;
}

export function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
	const out: Map<K, T[]> = new Map<K, T[]>();
	for (const x of xs) {
		const k: K = key(x);
		const bucket: T[] | undefined = out.get(k);
		if (bucket) bucket.push(x);
		else out.set(k, [x]);
	}
	return out;
}

export function sumBy<T>(xs: readonly T[], pick: (x: T) => number): number {
	return xs.reduce((acc: number, x: T): number => acc + pick(x), 0);
}
