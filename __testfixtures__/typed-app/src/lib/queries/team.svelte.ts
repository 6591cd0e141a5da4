import { ReactiveQuery } from '$lib/zero';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero';

// One query for the whole session, made when the module loads.
const team = new ReactiveQuery<Job>(() => getZero()?.query.jobs.orderBy('title', 'asc'), [], '1d');

export default team;
