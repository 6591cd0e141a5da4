import { createContext } from 'svelte';
import {
	Member,
	Boat,
	Race,
	RaceEntry,
	WorkOrder,
	createRaceEntry,
	updateRaceEntry,
	deleteRaceEntry,
	updateWorkOrder
} from '@tiller/data';

/** Everything a page needs to read and write club data. Built once by the root layout. */
function club() {
	return {
		Member,
		Boat,
		Race,
		RaceEntry,
		WorkOrder,
		createRaceEntry,
		updateRaceEntry,
		deleteRaceEntry,
		updateWorkOrder
	};
}

export type Club = ReturnType<typeof club>;

const [useClub, setClub] = createContext<Club>();

export { useClub };

export function provideClub(): Club {
	return setClub(club());
}
