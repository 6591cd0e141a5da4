/**
 * Child-process entry: `node --expose-gc --import tsx bench/run-group.ts <group> <mode> <out.json> [<process>]`.
 * Runs one group (as its process number <process>, default 0) and writes its rows to <out.json>; the parent renders them.
 */
import { writeFile } from 'node:fs/promises';
import { groupById } from './groups.ts';
import type { Mode } from './harness/types.ts';

const [id, mode, out, index = '0'] = process.argv.slice(2);
const group = id ? groupById(id) : undefined;
if (!group || (mode !== 'full' && mode !== 'fast') || !out || !/^\d+$/.test(index)) {
  process.stderr.write(`usage: run-group.ts <group> <full|fast> <out.json> [<process>] (got ${JSON.stringify(process.argv.slice(2))})\n`);
  process.exit(2);
}
const result = await (await group.load()).run(mode as Mode, Number(index));
await writeFile(out, JSON.stringify(result));
// Zero clients and timers left by a suite must not keep the child alive.
process.exit(0);
