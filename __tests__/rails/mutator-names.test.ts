// One source of truth for the mutator names: the Rails push endpoint (rails/lib/zero_record/push/mutator_names.rb)
// serves exactly the names the TypeScript side registers: the generator's registry keys (generator/names.ts) times the
// runtime's per-model mutators (runtime/core/model-mutators.ts).
import { isMutator } from '@rocicorp/zero';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobConfig } from '../../examples/stack/modern-models.ts';
import { modelNames } from '../../generator/names.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { defineModelMutators } from '../../runtime/index.ts';
import { fixtureApp } from '../generator/support.ts';
import { railsLib, requireRuby, run } from './ruby.ts';

beforeAll(() => requireRuby(['active_record', 'sqlite3']));

/** Runs Ruby with the gem's lib on the load path; returns its stdout parsed as JSON. */
function rubyJSON(script: string, ...args: string[]): unknown {
  const result = run('ruby', ['-I', railsLib, '-e', script, ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

// The registry's entries for one model (its `~` key is Zero's brand, not a mutator).
const operations = Object.entries(defineModelMutators({ job: jobConfig }).job)
  .filter(([, entry]) => isMutator(entry))
  .map(([name]) => name)
  .sort();

describe('the mutator names the Rails push endpoint serves', () => {
  it('are the TypeScript registry names for every model of the fixture app', async () => {
    const served = rubyJSON(
      `require "json"; require "zero_record/standalone"; require "zero_record/push/configuration"; require "zero_record/push/mutator_names"
       ZeroRecord::Standalone.load_app(ARGV[0])
       ZeroRecord::Push.config.root = ARGV[0]
       puts JSON.generate(ZeroRecord::Push::MutatorNames.table(ZeroRecord::Push.config.served_models).keys.sort)`,
      fixtureApp,
    );
    const description = await describeRailsApp(fixtureApp);
    const registered = description.models.flatMap((m) => operations.map((op) => `${modelNames(m).key}.${op}`)).sort();
    expect(operations).toEqual(['create', 'destroy', 'update', 'upsert']);
    expect(served).toEqual(registered);
  });

  it('key namespaced and unusual class names as generator/names.ts does', () => {
    const classNames = ['Job', 'LineItem', 'Admin::LineItem', 'HTTPRequest', 'Admin::V2::APIKey', 'Person_Record'];
    const keys = rubyJSON(
      `require "json"; require "zero_record/push/mutator_names"
       puts JSON.generate(ARGV.map { |name| ZeroRecord::Push::MutatorNames.key(name) })`,
      ...classNames,
    );
    expect(keys).toEqual(classNames.map((class_name) => modelNames({ class_name }).key));
  });
});
