/**
 * Rails' default_scope carried into the config's `defaultScope`: translated as scopes are, several ANDed in Rails'
 * order, a parent class's first; all or none, with a note naming the one that does not translate. The generated models
 * run over a real local Zero and answer the rows Active Record does (the Rails tier runs the same reads in Active
 * Record: __tests__/rails/default-scopes.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.ts';
import { sourceNotes } from '../../generator/source-notes.ts';
import { RecordNotFoundError } from '../../runtime/index.ts';
import { DEFAULT_SCOPE_CASES, DEFAULT_SCOPES_APP, DEFAULT_SCOPES_ROWS } from './default-scopes-app.ts';
import { runGeneratedApp, type RunningApp } from './support.ts';
import { typeErrors } from './typecheck.ts';

type Row = { id: string };
interface Model {
  create(attributes: Record<string, unknown>): Promise<Row>;
  all(): PromiseLike<Row[]>;
  unscoped(): PromiseLike<Row[]>;
  find(id: string): Promise<Row>;
}

let running: RunningApp;
const models: Record<string, Model> = {};

beforeAll(async () => {
  running = await runGeneratedApp('zero-record-default-scopes-', DEFAULT_SCOPES_APP);
  for (const [className, rows] of Object.entries(DEFAULT_SCOPES_ROWS)) {
    const model = await running.active<Model>(className);
    models[className] = model;
    for (const row of rows) expect((await model.create(row)).id).toBe(row.id);
  }
}, 60_000);

afterAll(() => running?.close());

const notes = () => running.report.notes.map((n) => `${n.model}: ${n.message}`);

/** The report's notes after generating `description` with Job's default scopes replaced by `sources`. */
async function jobNotesWith(...sources: string[]): Promise<{ notes: string[]; config: string }> {
  const models = running.description.models.map((m) => (m.class_name === 'Job' ? { ...m, default_scopes: sources.map((source, i) => ({ file: m.file, line: i + 2, source })) } : m));
  const { report, files } = await generate({ ...running.description, models });
  return { notes: report.notes.filter((n) => n.model === 'Job').map((n) => n.message), config: files.find((f) => f.path === 'job.config.ts')!.content };
}

describe('default_scope', () => {
  it('several become one defaultScope, chained in declaration order, each Rails declaration named above it', () => {
    expect(running.files.get('job.config.ts')).toContain(
      [
        '  /**',
        '   * Rails (app/models/job.rb:2): default_scope { where(deleted_at: nil) }',
        '   * Rails (app/models/job.rb:3): default_scope -> { order(:position) }',
        '   */',
        '  defaultScope: (r) => r.where({ deleted_at: null }).order({ position: "asc" }),',
      ].join('\n'),
    );
    expect(notes().filter((n) => n.startsWith('Job:'))).toEqual([]);
  });

  it("a parent class's comes first (Rails appends a class's own to its parent's), a do ... end block as a brace one", () => {
    const config = running.files.get('comment.config.ts')!;
    expect(config).toContain('   * Rails (app/models/soft_deletable.rb:3): default_scope { where(deleted_at: nil) }\n');
    expect(config).toContain('  defaultScope: (r) => r.where({ deleted_at: null }).order({ body: "desc" }),');
  });

  it('one that does not translate leaves the whole default scope out, with a note naming it and why', () => {
    expect(running.files.get('task.config.ts')).not.toContain('defaultScope');
    expect(notes()).toContain(
      "Task: default_scope is not applied (the one at app/models/task.rb:3: where with a SQL string (a LIKE / ILIKE search is where({ column: { matches: pattern } }))): reads here show the rows it would hide (a soft delete's deleted rows too); put its conditions in the app's queries, or in a read policy on the server",
    );
  });

  it.each([
    ['unscoped inside', 'default_scope { unscoped.where(deleted_at: nil) }', 'unscoped(...) is not translated'],
    ['a method call as a value', 'default_scope { where(deleted_at: Time.now) }', "the value for 'deleted_at' is not a literal or a scope parameter"],
    ['a parameter', 'default_scope ->(r) { where(deleted_at: nil) }', 'default_scope with parameters'],
    ['Rails 7.1 all_queries:', 'default_scope -> { where(deleted_at: nil) }, all_queries: true', 'default_scope with options (all_queries: applies it to the writes of a record too)'],
    ['an object', 'default_scope SoftDelete.new', 'default_scope with an object that is not a lambda'],
    ['several statements', 'default_scope { x = 1; where(position: x) }', 'the scope body has several statements'],
  ])('not translated: %s', async (_what, source, reason) => {
    const { notes, config } = await jobNotesWith('default_scope { order(:position) }', source);
    expect(config).not.toContain('defaultScope');
    expect(notes).toEqual([expect.stringMatching(new RegExp(`^default_scope is not applied \\(the one at app/models/job\\.rb:3: ${reason.replace(/[()[\]{}.*+?^$|\\]/g, '\\$&')}\\): reads here show the rows it would hide`))]);
  });

  it('one the describer could not read (outside the app) is noted, never dropped', async () => {
    const models = running.description.models.map((m) => (m.class_name === 'Job' ? { ...m, default_scopes: [{ file: null, line: null, source: null }] } : m));
    const { report } = await generate({ ...running.description, models });
    expect(report.notes.filter((n) => n.model === 'Job').map((n) => n.message)).toEqual([expect.stringMatching(/^default_scope is not applied \(the one at outside the app: its source could not be read\)/)]);
  });

  it("a concern's is named on the static path, which reads no concern", async () => {
    expect(running.files.get('note.config.ts')).not.toContain('defaultScope');
    const sourced = (await sourceNotes(running.app, running.description, 'static')).map((n) => `${n.model}: ${n.message}`);
    expect(sourced).toContainEqual(expect.stringMatching(/^Note: include Visible: the static path reads no concern \(its scopes, default scope, .*a default scope there is not applied\)/));
  });

  it('the generated files type-check', () => {
    expect(typeErrors([running.dir]).get(running.dir)).toEqual([]);
  }, 60_000);

  it('run over a local Zero, reads answer the rows Active Record does: hidden rows left out of all and find, shown by unscoped, in order', async () => {
    const answers = [];
    for (const { model, read, id } of DEFAULT_SCOPE_CASES) {
      const m = models[model]!;
      let answer: string[] | 'not found';
      if (read === 'find') {
        answer = await m.find(id!).then(
          (row) => [row.id],
          (error: unknown) => {
            if (error instanceof RecordNotFoundError) return 'not found' as const;
            throw error;
          },
        );
      } else answer = (await m[read]()).map((r) => r.id);
      answers.push({ model, read, id, answer });
    }
    expect(answers).toEqual(DEFAULT_SCOPE_CASES.map(({ model, read, id, answer }) => ({ model, read, id, answer })));
  });
});
