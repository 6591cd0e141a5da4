import { createContext } from 'svelte';
import { Station, Bike, Rider, updateRider, updateRepairTicket } from '$lib/zero';

/**
 * Everything a screen needs to read or write ops data, handed out through context so that
 * components don't import the Zero layer directly (makes them easy to test with fakes).
 */
function buildZeroContext() {
	return {
		Station,
		Bike,
		Rider,
		updateRider,
		updateRepairTicket
	};
}

export type ZeroContext = ReturnType<typeof buildZeroContext>;

const [getZeroContext, setZeroContext] = createContext<ZeroContext>();

/** Root layout only. */
export function provideZeroContext(overrides: Partial<ZeroContext> = {}): ZeroContext {
	return setZeroContext({ ...buildZeroContext(), ...overrides });
}

export { getZeroContext };
