/**
 * Single-table inheritance in Active Record 6.1: the rows each read of __tests__/generator/sti-app.ts answers are
 * Rails' (the generator test asserts the generated models answer the same over Zero), and the Ruby describer's
 * description of the app generates the same files as the static path.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { generate } from '../../generator/generate.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { STI_APP, STI_CASES, STI_ROWS } from '../generator/sti-app.ts';
import { repoRoot, writeApp } from '../generator/support.ts';
import { requireRuby, run } from './ruby.ts';

let app: string;
beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3']);
  app = await writeApp('zero-record-sti-rails-', STI_APP);
});
afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

describe('single-table inheritance in Active Record 6.1', () => {
  it('answers the reads the generator test expects of the generated models (subclass, nested subclass, base class, create)', () => {
    const ruby = run('ruby', [join(repoRoot, '__tests__', 'rails', 'sti.rb')], { input: JSON.stringify({ app, rows: STI_ROWS, cases: STI_CASES }) });
    expect(ruby.stderr).toBe('');
    expect(ruby.status).toBe(0);
    const answers = (JSON.parse(ruby.stdout) as unknown[]).map((answer, i) => ({ ...STI_CASES[i]!, answer }));
    expect(answers).toEqual(STI_CASES);
  });

  it("the Ruby describer's description: each subclass with its base class and types, and the same generated files as the static path", async () => {
    const ruby = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
    expect(ruby.stderr).toBe('');
    const fromRuby = JSON.parse(ruby.stdout) as AppDescription;
    const fromStatic = await describeRailsApp(app);
    expect(fromRuby.skipped).toEqual([{ class_name: 'ApplicationRecord', file: 'app/models/application_record.rb', reason: 'abstract' }]);
    const of = (d: AppDescription) => Object.fromEntries(d.models.map((m) => [m.class_name, m.inheritance ?? null]));
    expect(of(fromRuby)).toEqual({
      Admin: { base_class: 'User', column: 'type', types: ['Admin', 'SuperAdmin'] },
      AuditLog: null,
      Group: null,
      SuperAdmin: { base_class: 'User', column: 'type', types: ['SuperAdmin'] },
      User: null,
    });
    expect(JSON.stringify(fromRuby)).toBe(JSON.stringify(fromStatic));
    const [a, b] = [await generate(fromRuby), await generate(fromStatic)];
    expect(a.files).toEqual(b.files);
  });
});
