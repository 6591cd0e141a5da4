// Results CSV. Plain JS on purpose: the committee's export script runs it under node as well.

const cell = (v) => `"${String(v ?? '').replaceAll('"', '""')}"`;

export function resultsCsv(entriesQuery) {
	const rows = entriesQuery.data || [];
	const lines = [['position', 'helm', 'role', 'elapsed_s'].join(',')];
	for (const r of rows) {
		const helm = `${r.member?.first_name ?? ''} ${r.member?.last_name ?? ''}`.trim();
		lines.push([r.position, helm, r.role, r.elapsed_s].map(cell).join(','));
	}
	if (entriesQuery.isLoading) lines.push('# incomplete: still loading');
	return lines.join('\n');
}
