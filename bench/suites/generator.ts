/**
 * 7. Generator: 100 models from description JSON (goal < 1 s), and the static path that reads them from Ruby sources
 * (db/schema.rb + app/models/*.rb through Prism) vs the floor of parsing the same files with Prism alone.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../generator/generate.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { parseRuby } from '../../generator/static/ruby-ast.ts';
import { tableize, underscore } from '../../runtime/core/inflect.ts';
import { compareAsync, timeAsync } from '../harness/sample.ts';
import { measuredRow } from '../harness/rows.ts';
import { pick } from '../harness/sizes.ts';
import type { GroupResult, Mode } from '../harness/types.ts';

const GROUP = '7 generator';
const MODELS = 100;

class GeneratedTooLittleError extends Error {
  override name = 'GeneratedTooLittleError';
}

const className = (i: number) => `Part${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;

/** A Rails app with `count` models chained by belongs_to / has_many, each with validations and scopes. */
function railsApp(count: number): { schema: string; models: Array<[string, string]> } {
  const tables: string[] = [];
  const models: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    const cls = className(i);
    const parent = i > 0 ? className(i - 1) : null;
    const child = i < count - 1 ? className(i + 1) : null;
    tables.push(`  create_table "${tableize(cls)}", id: :string, force: :cascade do |t|
    t.string "name", null: false
    t.string "status", default: "draft", null: false
    t.integer "priority"
    t.decimal "amount", precision: 10, scale: 2
    t.boolean "archived", default: false, null: false
${parent ? `    t.string "${underscore(parent)}_id"\n` : ''}    t.datetime "created_at", precision: 6, null: false
    t.datetime "updated_at", precision: 6, null: false
  end
`);
    models.push([
      `${underscore(cls)}.rb`,
      `class ${cls} < ApplicationRecord
${parent ? `  belongs_to :${underscore(parent)}, optional: true\n` : ''}${child ? `  has_many :${tableize(child)}, dependent: :destroy\n` : ''}
  validates :name, presence: true, length: { maximum: 120 }
  validates :status, inclusion: { in: %w[draft active done] }
  validates :priority, numericality: { only_integer: true, greater_than_or_equal_to: 0 }, allow_nil: true

  scope :active, -> { where(status: "active") }
  scope :recent, -> { order(created_at: :desc) }
  scope :urgent, ->(level = 3) { where("priority >= ?", level) }
end
`,
    ]);
  }
  return { schema: `ActiveRecord::Schema.define(version: 2024_01_01_000000) do\n${tables.join('\n')}end\n`, models };
}

export async function run(mode: Mode): Promise<GroupResult> {
  const samples = pick(mode, 11, 3);
  const root = await mkdtemp(join(tmpdir(), 'zero-record-rails-'));
  try {
    const app = railsApp(MODELS);
    await mkdir(join(root, 'db'), { recursive: true });
    await mkdir(join(root, 'app', 'models'), { recursive: true });
    await writeFile(join(root, 'db', 'schema.rb'), app.schema);
    await writeFile(join(root, 'app', 'models', 'application_record.rb'), 'class ApplicationRecord < ActiveRecord::Base\n  self.abstract_class = true\nend\n');
    for (const [file, source] of app.models) await writeFile(join(root, 'app', 'models', file), source);

    const description = await describeRailsApp(root);
    const json = JSON.stringify(description);
    const first = await generate(JSON.parse(json));
    if (first.report.models.length < MODELS) throw new GeneratedTooLittleError(`the generator made ${first.report.models.length} of ${MODELS} models: the benchmark would time a partial run`);

    const fromJson = await timeAsync('generate', () => generate(JSON.parse(json)), { samples, warmup: 2, unit: 'ms' });
    const modelFiles = (await readdir(join(root, 'app', 'models'))).map((name) => join(root, 'app', 'models', name));
    const [statik, prism] = await compareAsync(
      { label: 'describe from Ruby', run: () => describeRailsApp(root) },
      {
        label: 'Prism parse only',
        run: async () => {
          let n = 0;
          n += Object.keys(await parseRuby('db/schema.rb', app.schema)).length;
          for (const file of modelFiles) n += Object.keys(await parseRuby(file, await readFile(file, 'utf8'))).length;
          return n;
        },
      },
      { samples, warmup: 2, ops: 1, unit: 'ms' },
    );
    return {
      group: GROUP,
      rows: [
        measuredRow(GROUP, `${MODELS} models from JSON`, fromJson, null, { kind: 'absolute', max: 1000, unit: 'ms' }, `${first.files.length} files generated in memory (writing them is not timed)`),
        measuredRow(GROUP, `${MODELS} models, static Ruby path`, statik, prism, { kind: 'none' }),
      ],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
