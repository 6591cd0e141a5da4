// Plain-TS use of the legacy API (no component): read `.current` once, or subscribe.
import { describe, expect, it } from 'vitest';
import { clientJobTitles, countByStatus, statusCountsNow } from '$lib/utils/job-stats';
import { Job, updateJob, deleteJob } from '$lib/zero';
import { useSeededZero } from './seeded-zero';

describe('job-stats utilities', () => {
  useSeededZero();

  it('counts statuses from a one-off read', () => {
    expect(statusCountsNow()).toEqual({ draft: 1, active: 2, on_hold: 1, done: 1 });
  });

  it("resolves a client's job titles through subscribe", async () => {
    expect(await clientJobTitles('client-acme')).toEqual(['Fix the roof', 'Paint the fence']);
    expect(await clientJobTitles('client-none')).toEqual([]);
  });

  it('sees mutator writes (result objects)', async () => {
    const result = await updateJob('job-paint', { status: 'active' });
    expect(result).toEqual({ success: true, id: 'job-paint' });
    const removed = await deleteJob('job-wiring');
    expect(removed.success).toBe(true);
    const handle = Job.all();
    expect(countByStatus(handle.current)).toEqual({ draft: 0, active: 3, on_hold: 1, done: 0 });
    handle.destroy();
  });

  it('finds one job by id through the model object', () => {
    const roof = Job.find('job-roof');
    expect(roof.current?.title).toBe('Fix the roof');
    expect(roof.value?.priority).toBe(3);
    roof.destroy();
  });
});
