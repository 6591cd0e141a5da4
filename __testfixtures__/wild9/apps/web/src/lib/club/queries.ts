import { Race, type Race as RaceRow } from '@tiller/data';
import type { RecordHandle } from '@tiller/data/handle';

/** Curried finder: `racesWhere('status')('finished')`. The caller owns (and destroys) the handle. */
export const racesWhere =
	<K extends keyof RaceRow>(key: K) =>
	(value: RaceRow[K]): RecordHandle<RaceRow[]> =>
		Race.where({ [key]: value } as Partial<RaceRow>);

export const racesIn = racesWhere('series');
