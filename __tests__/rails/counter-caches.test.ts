/**
 * The app of __tests__/generator/counter-caches-app.ts read by the Ruby describer in Active Record 6.1. 6.1 reads
 * `true`, a name and a constant as Rails 7.2 does, and a method's answer the static path cannot read; it takes no hash
 * form (Rails 7.2's `{ column: }`, `{ active: false }`): it reads the hash's text as the column's name, and its writes
 * then fail. Rails 7.2 reads the hash into the column the describer asks it for (counter_cache_column), which this tier
 * cannot run; here the hash form is only shown to be said in the report, never kept under a name nor dropped.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { generate, type GenerationReport } from '../../generator/generate.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { COUNTER_CACHES_APP } from '../generator/counter-caches-app.ts';
import { repoRoot, writeApp } from '../generator/support.ts';
import { requireRuby, run } from './ruby.ts';

let app: string;
beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3']);
  app = await writeApp('zero-record-counter-caches-rails-', COUNTER_CACHES_APP);
});
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

/** Each model's counterCaches, as `Model.association: column`, and the report's counter_cache notes. */
async function counted(description: AppDescription): Promise<{ kept: string[]; notes: GenerationReport['notes'] }> {
  const { files, report } = await generate(description);
  const kept = files.flatMap((f) => {
    const block = /\n {2}counterCaches: \{\n([^}]*)\n {2}\},/.exec(f.content)?.[1] ?? '';
    const model = /^\w+/.exec(f.path)![0];
    return [...block.matchAll(/(\w+): "(\w+)"/g)].map(([, relationship, column]) => `${model}.${relationship}: ${column}`);
  });
  return { kept: [...new Set(kept)].sort(), notes: report.notes.filter((n) => n.message.includes('counter_cache')) };
}

describe('counter_cache: read by the Ruby describer in Active Record 6.1', () => {
  it('keeps the forms 6.1 reads as Rails 7.2 does, as the static path keeps them, and the method the static path cannot read', async () => {
    const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
    expect(ruby.stderr).toBe('');
    const fromRuby = await counted(JSON.parse(ruby.stdout) as AppDescription);
    const fromStatic = await counted(await describeRailsApp(app));
    const readAlike = ['comment.task: remarks_count', 'job.owner: jobs_count', 'note.job: notes_tally'];
    expect(fromStatic.kept).toEqual(expect.arrayContaining(readAlike));
    expect(fromRuby.kept).toEqual([...readAlike, 'visit.client: visits_total'].sort());
  });

  it('says the hash form 6.1 does not take, naming the model and the association', async () => {
    const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
    const { notes } = await counted(JSON.parse(ruby.stdout) as AppDescription);
    expect(notes.map((n) => `${n.model}.${/^\w+/.exec(n.message)![0]}`).sort()).toEqual(['Comment.job', 'Job.client', 'Task.job', 'Visit.job']);
    // 6.1's name for it is the hash's inspect (Ruby's spelling of it changes with its version).
    expect(notes.find((n) => n.model === 'Job')!.message).toMatch(/^client: counter_cache is not kept \(Client has no Zero column \{.*open_jobs_count\}\)/);
  });
});
