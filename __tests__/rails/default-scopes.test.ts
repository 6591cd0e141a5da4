/**
 * The default scopes of __tests__/generator/default-scopes-app.ts in Active Record 6.1: the rows its cases expect are
 * the ones Rails answers (the generator test asserts the generated models answer them over Zero), and the Ruby
 * describer's description generates the same configs as the static path, and more where it knows more (a concern's).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { generate } from '../../generator/generate.ts';
import { sourceNotes } from '../../generator/source-notes.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { DEFAULT_SCOPE_CASES, DEFAULT_SCOPES_APP, DEFAULT_SCOPES_ROWS } from '../generator/default-scopes-app.ts';
import { repoRoot, writeApp } from '../generator/support.ts';
import { requireRuby, run } from './ruby.ts';

let app: string;
beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3']);
  app = await writeApp('zero-record-default-scopes-rails-', DEFAULT_SCOPES_APP);
});
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

async function configs(description: AppDescription): Promise<Map<string, string>> {
  return new Map((await generate(description)).files.map((f) => [f.path, f.content]));
}

describe('default scopes in Active Record 6.1', () => {
  it('answer the rows the generator test expects of the generated models (all, unscoped, find)', () => {
    const input = JSON.stringify({ app, rows: DEFAULT_SCOPES_ROWS, cases: DEFAULT_SCOPE_CASES });
    const ruby = run('ruby', [join(repoRoot, '__tests__', 'rails', 'default-scopes.rb')], { input });
    expect(ruby.stderr).toBe('');
    expect(ruby.status).toBe(0);
    const answers = (JSON.parse(ruby.stdout) as unknown[]).map((answer, i) => ({ ...DEFAULT_SCOPE_CASES[i]!, answer }));
    expect(answers).toEqual(DEFAULT_SCOPE_CASES);
  });

  describe("the Ruby describer's description", () => {
    let fromRuby: AppDescription;
    let fromStatic: AppDescription;
    beforeAll(async () => {
      const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
      expect(ruby.stderr).toBe('');
      fromRuby = JSON.parse(ruby.stdout) as AppDescription;
      fromStatic = await describeRailsApp(app);
    });

    it("lists each default scope Rails applies, a parent class's first, read from the file its block is in", () => {
      expect(fromRuby.models.find((m) => m.class_name === 'Comment')!.default_scopes).toEqual([
        { file: 'app/models/soft_deletable.rb', line: 3, source: 'default_scope { where(deleted_at: nil) }' },
        { file: 'app/models/comment.rb', line: 2, source: 'default_scope do\n    order(body: :desc)\n  end' },
      ]);
      expect(fromRuby.models.find((m) => m.class_name === 'Note')!.default_scopes).toEqual([
        { file: 'app/models/concerns/visible.rb', line: 5, source: 'default_scope { where(hidden: false) }' },
      ]);
    });

    it('generates the same configs as the static path, but for the concern the static path does not read', async () => {
      const [ruby, stat] = [await configs(fromRuby), await configs(fromStatic)];
      expect([...ruby.keys()]).toEqual([...stat.keys()]);
      for (const [path, content] of ruby) if (path !== 'note.config.ts') expect(content, path).toBe(stat.get(path));
      expect(ruby.get('job.config.ts')).toContain('  defaultScope: (r) => r.where({ deleted_at: null }).order({ position: "asc" }),');
      expect(ruby.get('note.config.ts')).toContain('   * Rails (app/models/concerns/visible.rb:5): default_scope { where(hidden: false) }\n   */\n  defaultScope: (r) => r.where({ hidden: false }),');
      expect(stat.get('note.config.ts')).not.toContain('defaultScope');
      const rails = (await sourceNotes(app, fromRuby, 'rails')).map((n) => `${n.model}: ${n.message}`);
      expect(rails).toEqual(['Note: include Visible: the scopes a concern declares are not generated (its default scope, validations and associations are)']);
    });
  });
});
