// Small formatting + lookup helpers shared by the pages. No Zero in here.

const kgFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export function kg(n: number): string {
	return `${kgFormat.format(n)} kg`;
}

export function when(ms: number | null | undefined): string {
	if (ms == null) return '—';
	const d = new Date(ms);
	return `${dayFormat.format(d)} ${timeFormat.format(d)}`;
}

type Searchable = { name?: string; code?: string; crop?: string; tool_name?: string };

/** Loose, case-insensitive match over whichever label field a row has. Used by every search box. */
export function find<T extends Searchable>(rows: readonly T[], needle: string): T[] {
	const n = needle.trim().toLowerCase();
	if (!n) return [...rows];
	return rows.filter((row) =>
		[row.name, row.code, row.crop, row.tool_name].some((label) => label?.toLowerCase().includes(n))
	);
}
