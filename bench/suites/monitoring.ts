/**
 * 9. Monitoring hook cost: `find(id)` with an `onEvent` hook counting every event, against the same `find(id)` with no
 * hook, on the same local Zero and data, interleaved. Unset, the hook costs one branch per read (no clock read, no event
 * built, the read's own promise returned as is), so this ratio bounds the unset cost from above.
 */
import { onEvent } from '../../runtime/index.ts';
import { measuredRow } from '../harness/rows.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { activeJobs, jobId, readBench } from '../fixtures/zero.ts';

const GROUP = '9 monitoring hook';
const GOAL = { kind: 'ratio', max: 1.05 } as const;

export async function run(mode: Mode): Promise<GroupResult> {
  const bench = await readBench(mode);
  const z = await bench.reader();
  const Job = activeJobs(z);
  let events = 0;
  const count = () => events++;
  try {
    const [subject, baseline, paired] = await bench.compare(
      { label: 'find(id), onEvent set', read: (i) => Job.find(jobId(i)), during: () => onEvent(count) },
      { label: 'find(id), no hook', read: (i) => Job.find(jobId(i)) },
    );
    if (events === 0) throw new Error('monitoring bench: the hook saw no event; the subject measured nothing');
    return {
      group: GROUP,
      rows: [
        measuredRow(GROUP, `find(id) with a counting hook, ${bench.size.toLocaleString('en-US')} jobs`, subject, baseline, GOAL,
          'baseline: the same find(id) with no hook set; ratio: median of interleaved pairs', paired),
      ],
    };
  } finally {
    await z.close();
  }
}
