/**
 * A belongs_to's `counter_cache:` in each of Rails' forms, read by the static path into the configs' `counterCaches`;
 * what it cannot read is said in the report, naming the model and the association. (The Rails tier reads the same app
 * with the Ruby describer: __tests__/rails/counter-caches.test.ts.)
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerationReport } from '../../generator/generate.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { COUNTER_CACHES_APP } from './counter-caches-app.ts';
import { writeApp } from './support.ts';

let app: string;
let configs: Map<string, string>;
let report: GenerationReport;
beforeAll(async () => {
  app = await writeApp('zero-record-counter-caches-', COUNTER_CACHES_APP);
  const generation = await generate(await describeRailsApp(app));
  configs = new Map(generation.files.map((f) => [f.path, f.content]));
  report = generation.report;
});
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

const counterCaches = (path: string) => /\n {2}counterCaches: \{\n([^}]*)\n {2}\},/.exec(configs.get(path)!)?.[1]?.split('\n').map((l) => l.trim()) ?? [];

describe("counter_cache: from a model's source", () => {
  it('carries true, a name, a constant naming one and the hash form, as Rails 7.2 reads them', () => {
    // `{ column: :open_jobs_count }` that column; `true` Rails' name from the class (jobs_count).
    expect(counterCaches('job.config.ts')).toEqual(['client: "open_jobs_count",', 'owner: "jobs_count",']);
    // `{ active: false }`: Rails' name; Rails 7.2's writes keep it as any other count.
    expect(counterCaches('task.config.ts')).toEqual(['job: "tasks_count",']);
    expect(counterCaches('note.config.ts')).toEqual(['job: "notes_tally",']);
    // COUNT = :remarks_count; `{ colum: }` is no key Rails reads: Rails' name, as Rails counts.
    expect(counterCaches('comment.config.ts')).toEqual(['task: "remarks_count",', 'job: "comments_count",']);
  });

  it('says what it cannot read, naming the model and the association, and keeps no count it cannot name', () => {
    expect(counterCaches('visit.config.ts')).toEqual([]);
    expect(report.notes.filter((n) => n.message.includes('counter_cache'))).toEqual([
      {
        model: 'Comment',
        message: 'job: counter_cache: { colum: } is not read (Rails reads column: and active:): Job.comments_count is kept all the same, as Rails keeps it',
      },
      {
        model: 'Visit',
        message:
          "client: counter_cache is not kept (counter_cache: is not a value the static path reads (true, a name or a hash); run the Rails task (bin/rails zero_record:generate), which loads the class): create and destroy here leave Client's count as it is",
      },
      {
        model: 'Visit',
        message:
          "job: counter_cache is not kept (counter_cache: { column: } is not a name the static path reads; run the Rails task (bin/rails zero_record:generate), which loads the class): create and destroy here leave Job's count as it is",
      },
    ]);
  });
});
