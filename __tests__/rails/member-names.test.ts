/**
 * Names Rails allows and JavaScript keeps for itself: a table with a `constructor` column, and `scope :active` beside an
 * `active` column (legal in Rails: the scope is a class method, the column an instance attribute). Described by real
 * Ruby (Active Record 6.1 + SQLite), generated, type-checked, and run against a real local Zero.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zero } from '@rocicorp/zero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDescription } from '../../generator/description.ts';
import { generate, type Generation } from '../../generator/generate.ts';
import { writeGeneration } from '../../generator/output.ts';
import { configureZero } from '../../runtime/index.ts';
import { fixtureApp, outputDir, repoRoot } from '../generator/support.ts';
import { typeErrors } from '../generator/typecheck.ts';
import { requireRuby, run } from './ruby.ts';

const GADGETS_TABLE = `
  create_table "gadgets", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "constructor"
    t.boolean "active", default: false, null: false
  end
`;

const GADGET_MODEL = `class Gadget < ApplicationRecord
  scope :active, -> { where(active: true) }
  scope :named, ->(name) { where(name: name) }
  scope :featured, -> { active.order(:name) }
end
`;

const USAGE = `import { ActiveGadget } from './gadget.active.ts';
import { ReactiveGadget } from './gadget.reactive.ts';

export async function use(): Promise<unknown[]> {
  const gadget = await ActiveGadget.active().named('Lamp').first_bang();
  const made: string | null = gadget.read_attribute('constructor');
  const active: boolean = gadget.active;
  // @ts-expect-error the record member keeps the name: constructor is not the column
  const column: string | null = gadget.constructor;
  const handle = ReactiveGadget.find('g1');
  const live: string | null | undefined = handle.read_attribute('constructor');
  return [made, active, column, live];
}
`;

let temp: string;
let out: Awaited<ReturnType<typeof outputDir>>;
let generation: Generation;

beforeAll(async () => {
  requireRuby(['active_record', 'sqlite3']);
  temp = await mkdtemp(join(tmpdir(), 'zero-record-names-'));
  const app = join(temp, 'app');
  await cp(fixtureApp, app, { recursive: true });
  const schemaFile = join(app, 'db', 'schema.rb');
  const schema = await readFile(schemaFile, 'utf8');
  await writeFile(schemaFile, schema.replace(/\nend\s*$/, `${GADGETS_TABLE}end\n`));
  await writeFile(join(app, 'app', 'models', 'gadget.rb'), GADGET_MODEL);
  const described = run('ruby', [join(repoRoot, 'rails', 'exe', 'zero-record-describe'), app]);
  expect(described.status, described.stderr).toBe(0);
  out = await outputDir();
  generation = await generate(JSON.parse(described.stdout) as AppDescription, out.options);
  await writeGeneration(out.dir, generation.files);
  await writeFile(join(out.dir, 'usage.ts'), USAGE);
});

afterAll(async () => {
  await out?.cleanup();
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('a Rails app with a constructor column and scope :active beside an active column', () => {
  it('generates every model and every scope, and the output type-checks', () => {
    const { report, files } = generation;
    // Only the fixture's abstract base and its model without a table stay out.
    expect(report.skippedModels.map((m) => `${m.className}: ${m.reason}`)).toEqual(['ApplicationRecord: abstract class', 'Archive: its table does not exist']);
    expect(report.models.map((m) => m.className)).toContain('Gadget');
    expect(report.skippedScopes.map((s) => `${s.model}.${s.scope}`)).toEqual(['Case.then']);
    expect(report.models.find((m) => m.className === 'Gadget')?.scopes).toEqual(['active', 'named']);
    // A scope calling another scope is the app's to write; `active` exists for it to call.
    expect(report.customScopes.filter((s) => s.model === 'Gadget').map((s) => `${s.scope}: ${s.reason}`)).toEqual(["featured: calls the scope 'active'"]);
    const config = files.find((f) => f.path === 'gadget.config.ts')!.content;
    expect(config).toContain('    active: (r) => r.where({ active: true }),\n');
    expect(config).toContain('  shadowedColumns: ["constructor"],\n');
    expect(typeErrors([out.dir]).get(out.dir)).toEqual([]);
  }, 120_000);

  it('reads the constructor column through read_attribute and the active scope through Zero', async () => {
    const { schema } = (await import(join(out.dir, 'schema.ts'))) as { schema: never };
    const { mutators } = (await import(join(out.dir, 'mutators.ts'))) as { mutators: never };
    const z = new Zero({ userID: 'rails', storageKey: `rails-names-${process.pid}`, cacheURL: null, kvStore: 'mem', schema, mutators, logLevel: 'error' });
    configureZero(z);
    try {
      const { ActiveGadget } = (await import(join(out.dir, 'gadget.active.ts'))) as {
        ActiveGadget: {
          create_bang(a: Record<string, unknown>): Promise<unknown>;
          active(): { pluck(c: string): Promise<unknown[]> };
          find(id: string): Promise<{ read_attribute(c: string): unknown; constructor: unknown; active: unknown }>;
        };
      };
      await ActiveGadget.create_bang({ id: 'g1', name: 'Lamp', constructor: 'Acme Works', active: true });
      await ActiveGadget.create_bang({ id: 'g2', name: 'Desk', constructor: 'Other', active: false });
      const lamp = await ActiveGadget.find('g1');
      expect([lamp.read_attribute('constructor'), lamp.active]).toEqual(['Acme Works', true]);
      expect(lamp.constructor).not.toBe('Acme Works');
      expect(await ActiveGadget.active().pluck('constructor')).toEqual(['Acme Works']);
    } finally {
      configureZero(undefined);
      await z.close();
    }
  }, 60_000);
});
