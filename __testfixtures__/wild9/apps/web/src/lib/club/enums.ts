export enum RaceStatus {
	Scheduled = 'scheduled',
	Running = 'running',
	Finished = 'finished',
	Abandoned = 'abandoned'
}

export enum OrderStatus {
	Open = 'open',
	WaitingParts = 'waiting_parts',
	Done = 'done'
}

export enum CrewRole {
	Helm = 'helm',
	Crew = 'crew',
	Reserve = 'reserve'
}

export const SERIES = ['Wednesday Evening', 'Autumn Pursuit', 'Frostbite'] as const;
export type Series = (typeof SERIES)[number];
