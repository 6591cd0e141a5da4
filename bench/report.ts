/**
 * Writes a full run's outputs: bench/results.json, one SVG per group in bench/charts/, and the table in docs/bench.md
 * (between its markers, so the prose around it stays hand-written).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderChart } from './harness/chart.ts';
import { renderTable } from './harness/table.ts';
import type { BenchResults } from './harness/types.ts';
import type { GroupSpec } from './groups.ts';

const ROOT = new URL('..', import.meta.url);
export const TABLE_START = '<!-- bench:table -->';
export const TABLE_END = '<!-- /bench:table -->';

export class DocsMarkerError extends Error {
  override name = 'DocsMarkerError';
}

/** `doc` with the text between the table markers replaced by `table`. */
export function replaceTable(doc: string, table: string, header: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new DocsMarkerError(`docs/bench.md has no '${TABLE_START}' ... '${TABLE_END}' block: put both markers back where the table goes`);
  return `${doc.slice(0, start + TABLE_START.length)}\n${header}\n\n${table}\n${doc.slice(end)}`;
}

export async function writeReport(results: BenchResults, groups: readonly GroupSpec[]): Promise<string[]> {
  const written: string[] = [];
  const write = async (relative: string, text: string) => {
    const url = new URL(relative, ROOT);
    await mkdir(new URL('.', url), { recursive: true });
    await writeFile(url, text);
    written.push(relative);
  };
  await write('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  for (const group of groups) {
    const rows = results.rows.filter((row) => row.group === group.title);
    if (rows.length) await write(`bench/charts/${group.id}.svg`, renderChart(group.title, rows));
  }
  const docUrl = new URL('docs/bench.md', ROOT);
  const header = `Measured ${results.startedAt.slice(0, 10)} on ${results.platform}, ${results.cpus} cores, Node ${results.node} (\`npm run bench\`, full mode).`;
  const doc = await readFile(docUrl, 'utf8');
  await write('docs/bench.md', replaceTable(doc, renderTable(results.rows), header));
  return written.map((relative) => fileURLToPath(new URL(relative, ROOT)));
}
