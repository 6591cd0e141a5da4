// Shared handle types so components don't each spell out the generics.
import type { ModelHandle, ReactiveQuery, ReactiveQueryOne } from '$lib/zero';
import type { Plot, WateringShift } from '$lib/zero';

export type PlotHandle = ModelHandle<Plot | null>;
export type ListHandle<T> = ModelHandle<T[]>;

export interface ZoneWatch {
	readonly shifts: ReactiveQuery<WateringShift>;
	readonly nextShift: ReactiveQueryOne<WateringShift>;
	destroy(): void;
}
