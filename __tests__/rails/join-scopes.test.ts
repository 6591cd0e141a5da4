/**
 * The join scopes of __tests__/generator/join-scopes-app.ts in Active Record 6.1: the rows its cases expect are the ones
 * Rails answers (the generator test asserts the generated scopes answer them over Zero), and the Ruby describer's
 * description generates the same scopes as the static path.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { generate } from '../../generator/generate.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { JOIN_SCOPE_CASES, JOIN_SCOPES_APP, JOIN_SCOPES_ROWS } from '../generator/join-scopes-app.ts';
import { repoRoot, writeApp } from '../generator/support.ts';
import { requireRuby, run } from './ruby.ts';

let app: string;
beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3']);
  app = await writeApp('zero-record-join-scopes-rails-', JOIN_SCOPES_APP);
});
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

describe('scopes over joined tables in Active Record 6.1', () => {
  it('answer the rows the generator test expects of the generated scopes', () => {
    const input = JSON.stringify({ app, rows: JOIN_SCOPES_ROWS, cases: JOIN_SCOPE_CASES });
    const ruby = run('ruby', [join(repoRoot, '__tests__', 'rails', 'join-scopes.rb')], { input });
    expect(ruby.stderr).toBe('');
    expect(ruby.status).toBe(0);
    const answers = (JSON.parse(ruby.stdout) as string[][]).map((ids, i) => ({ scope: JOIN_SCOPE_CASES[i]!.scope, args: JOIN_SCOPE_CASES[i]!.args, ids }));
    expect(answers).toEqual(JOIN_SCOPE_CASES.map(({ scope, args, ids }) => ({ scope, args, ids })));
  });

  it("the Ruby describer's description generates the same scopes as the static path's", async () => {
    const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
    expect(ruby.stderr).toBe('');
    const config = async (description: AppDescription) => (await generate(description)).files.find((f) => f.path === 'job.config.ts')!.content;
    const fromRuby = await config(JSON.parse(ruby.stdout) as AppDescription);
    expect(fromRuby).toContain('commented: (r, body: string | readonly string[]) => r.joins({ tasks: "comments" })');
    expect(fromRuby).toContain('titled_a: (r) => r.where({ jobs: { title: "a" } }),');
    expect(fromRuby).toBe(await config(await describeRailsApp(app)));
  });
});
