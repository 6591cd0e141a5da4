/**
 * 9. Monitoring hook cost: `find(id)` with an `onEvent` hook counting every event, against the same `find(id)` with no
 * hook, on the same local Zero and data, interleaved. Unset, the hook costs one branch per read (no clock read, no event
 * built, the read's own promise returned as is), so this ratio bounds the unset cost from above.
 */
import { onEvent } from '../../runtime/index.ts';
import { compareAsync } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import type { GroupResult, Mode } from '../harness/types.ts';
import { activeJobs, jobId, readBench } from '../fixtures/zero.ts';

const GROUP = '9 monitoring hook';
const GOAL = { kind: 'ratio', max: 1.05 } as const;

export async function run(mode: Mode): Promise<GroupResult> {
  const { z, size, samples, ops, next } = await readBench(mode);
  const Job = activeJobs(z);
  let events = 0;
  let a = 0;
  let b = 0;
  const finds = async (start: number) => {
    let found = 0;
    for (let k = 0; k < ops; k++) if (await Job.find(jobId(next(start + k)))) found++;
    return found;
  };
  const [subject, baseline] = await compareAsync(
    {
      label: 'find(id), onEvent set',
      run: async () => {
        const stop = onEvent(() => events++);
        try {
          return await finds((a += ops));
        } finally {
          stop();
        }
      },
    },
    { label: 'find(id), no hook', run: () => finds((b += ops)) },
    { samples, warmup: 3, ops, unit: 'us/op' },
  );
  if (events === 0) throw new Error('monitoring bench: the hook saw no event; the subject measured nothing');
  return {
    group: GROUP,
    rows: [measuredRow(GROUP, `find(id) with a counting hook, ${size.toLocaleString('en-US')} jobs`, subject, baseline, GOAL, 'baseline: the same find(id) with no hook set')],
  };
}
