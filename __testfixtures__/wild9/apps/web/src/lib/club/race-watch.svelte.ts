import { Race } from '@tiller/data';
import { RaceStatus } from './enums';

/**
 * Calls `render` with the number of races currently on the water, for as long as the returned
 * stop function has not been called. Used by the root layout for the tab title.
 */
export function trackRacesAfloat(render: (count: number) => void): () => void {
	return $effect.root(() => {
		const afloat = Race.where({ status: RaceStatus.Running });

		$effect(() => {
			render(afloat.current.length);
		});

		return () => afloat.destroy();
	});
}
