import { Bike, Station, Rider } from '$lib/zero';

export type LegacyModel = typeof Bike | typeof Station | typeof Rider;

/** Table name → model object. Used by the debug page and the CSV exporter. */
export const registry = {
	bikes: Bike,
	stations: Station,
	riders: Rider
} satisfies Record<string, LegacyModel>;

export type RegistryKey = keyof typeof registry;
