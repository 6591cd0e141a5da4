import { Member, Race, RaceEntry, type Member as MemberRow } from '@tiller/data';
import { lease, settled, take } from './handles';

const when = (ms: number) =>
	new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Plain-text race sheet for the notice board, or null when the race does not exist.
 * Loaded with `await import()` from the results page so the report code stays out of the main chunk.
 */
export async function raceSheet(raceId: string): Promise<string | null> {
	using race = lease(Race.find(raceId));
	const row = await settled(race.handle);
	if (!row) return null;

	using entries = lease(RaceEntry.where({ race_id: raceId }));
	await settled(entries.handle);

	const crew: (MemberRow | null)[] = await Promise.all(entries.handle.current.map((e) => take(Member.find(e.member_id))));

	return [
		`${row.name} — ${when(row.starts_at)}`,
		`Course: ${race.handle.current!.course ?? 'to be signalled'}`,
		'',
		...crew.map(
			(m, i) =>
				`${String(i + 1).padStart(2)}. ${m ? `${m.first_name} ${m.last_name}` : '(unknown member)'} — ${entries.handle.current[i].role}`
		)
	].join('\n');
}
