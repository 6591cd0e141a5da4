import type { RecordHandle } from '@tiller/data/handle';

/** Resolves with the handle's value once it has left the loading state (or after `ms`). */
export function settled<T>(handle: RecordHandle<T>, ms = 4000): Promise<T> {
	const started = Date.now();
	return new Promise((resolve) => {
		const tick = () => {
			if (handle.resultType !== 'loading' || Date.now() - started > ms) return resolve(handle.current);
			setTimeout(tick, 50);
		};
		tick();
	});
}

/** settled(), then destroy: for one-off reads outside components. */
export async function take<T>(handle: RecordHandle<T>): Promise<T> {
	try {
		return await settled(handle);
	} finally {
		handle.destroy();
	}
}

/** Ties a handle to a `using` declaration: `using race = lease(Race.find(id))`. */
export class Lease<H extends RecordHandle<unknown>> implements Disposable {
	constructor(readonly handle: H) {}

	[Symbol.dispose](): void {
		this.handle.destroy();
	}
}

export const lease = <H extends RecordHandle<unknown>>(handle: H): Lease<H> => new Lease(handle);
