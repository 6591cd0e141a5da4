export interface TideConditions {
	station: string;
	height_m: number;
	/** The tidal stream right now. */
	current: { speed_kn: number; set_deg: number };
	extremes: TideExtreme[];
}

export interface TideExtreme {
	at: number;
	height_m: number;
	kind: 'high' | 'low';
}

export async function fetchConditions(station: string, fetcher: typeof fetch = fetch): Promise<TideConditions> {
	const res = await fetcher(`https://tides.example.org/v2/stations/${station}/now`);
	if (!res.ok) throw new Error(`tide service answered ${res.status}`);
	const body = (await res.json()) as { data: TideConditions };
	return body.data;
}

export class TideTable {
	constructor(private readonly extremes: TideExtreme[]) {}

	/** The next high or low water after `at`. */
	find(at: Date): TideExtreme | null {
		return this.extremes.find((e) => e.at >= at.getTime()) ?? null;
	}
}
