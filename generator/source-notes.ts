/**
 * What a model file declares that neither path carries into the generated models, found in its source, so the report
 * names it: the description holds what is carried, and a construct left out of it would otherwise vanish without a word.
 * Both paths read the same file; a few constructs only the Rails path carries are named for the static path alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDescription } from './description.ts';
import type { Note } from './plan.ts';

interface Construct {
  readonly pattern: RegExp;
  readonly message: (match: RegExpExecArray) => string;
  /** The one path it is named for: the Rails path carries some of what the static path cannot (it loads the class). */
  readonly only?: 'static' | 'rails';
}

const RAILS_TASK = 'run the Rails task (bin/rails zero_record:generate), which loads the class';

const CONSTRUCTS: readonly Construct[] = [
  {
    pattern: /^\s*default_scope\b/m,
    message: () => 'default_scope is not applied: reads here see the rows it leaves out (a soft delete\'s deleted rows too); put its conditions in the app\'s queries, or in a read policy on the server',
  },
  { pattern: /^\s*validate\s+:(\w+)/m, message: (m) => `validate :${m[1]} runs in Rails only: neither the client nor the mutators check it` },
  { pattern: /^\s*validates_with\s+([\w:]+)/m, message: (m) => `validates_with ${m[1]} runs in Rails only: neither the client nor the mutators check it` },
  { pattern: /^\s*normalizes\s+:(\w+)/m, message: (m) => `normalizes :${m[1]} is not applied: values are written, and compared in where, as given` },
  { pattern: /^\s*(store_accessor|store)\s+:(\w+)/m, message: (m) => `${m[1]} :${m[2]}: its keys are not attributes here; read and write the ${m[2]} column (a JSON object)` },
  {
    pattern: /^\s*has_secure_password\b/m,
    message: () => 'has_secure_password: password and password_confirmation are not attributes here, and password_digest is synced to every client unless a read policy leaves it out',
  },
  { pattern: /^\s*validates_associated\s+:(\w+)/m, message: (m) => `validates_associated :${m[1]} runs in Rails only: the client does not validate the associated records` },
  { pattern: /^\s*alias_attribute\s+:(\w+)/m, message: (m) => `alias_attribute :${m[1]} is not an attribute here: use the column's own name` },
  { pattern: /^\s*accepts_nested_attributes_for\s+:(\w+)/m, message: (m) => `accepts_nested_attributes_for :${m[1]}: ${m[1]}_attributes is not an attribute here; write the associated records through their own model` },
  { pattern: /^\s*has_secure_token\b(?:\s+:(\w+))?/m, message: (m) => `has_secure_token${m[1] ? ` :${m[1]}` : ''}: the token is not generated on create here; give it, or let Rails write the row` },
  {
    pattern: /^\s*(?:def\s+self\.(\w+)|class\s*<<\s*self\b)/m,
    message: (m) => `class methods (${m[1] ? `def self.${m[1]}` : 'class << self'}) are not generated: one written as a scope (it returns a relation) is missing; write it as a scope, or in the model's .scopes.ts`,
  },
  {
    pattern: /^\s*include\s+((?!ActiveModel|ActiveRecord|Rails)[A-Z][\w:]*)/m,
    message: (m) => `include ${m[1]}: the static path reads no concern (its scopes, validations and associations are missing); ${RAILS_TASK}`,
    only: 'static',
  },
  {
    pattern: /^\s*include\s+((?!ActiveModel|ActiveRecord|Rails)[A-Z][\w:]*)/m,
    message: (m) => `include ${m[1]}: the scopes a concern declares are not generated (its validations and associations are)`,
    only: 'rails',
  },
  { pattern: /^\s*attribute\s+:(\w+)/m, message: (m) => `attribute :${m[1]}: the static path does not read it (its type and default); ${RAILS_TASK}`, only: 'static' },
  {
    pattern: /^\s*self\.ignored_columns\b/m,
    message: () => `ignored_columns: the static path syncs those columns (dropping one later leaves the Zero schema stale); ${RAILS_TASK}`,
    only: 'static',
  },
];

/** Ruby source without its comments (`# ...` to the end of a line, `=begin` ... `=end`), strings kept. */
function code(source: string): string {
  return source.replace(/^=begin[\s\S]*?^=end.*$/gm, '').replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|#.*$/gm, (_comment, string: string | undefined) => string ?? '');
}

/**
 * The notes for constructs the models' files declare that the generated models do not carry. `root` is the Rails app
 * (the model files' paths are relative to it); a file not found there gives no note. `path` says which path described
 * the app.
 */
export function sourceNotes(root: string, description: AppDescription, path: 'static' | 'rails'): Note[] {
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const model of description.models) {
    const file = join(root, model.file);
    if (seen.has(model.class_name) || !existsSync(file)) continue;
    seen.add(model.class_name);
    const text = code(readFileSync(file, 'utf8'));
    for (const construct of CONSTRUCTS) {
      if (construct.only !== undefined && construct.only !== path) continue;
      for (const match of text.matchAll(new RegExp(construct.pattern.source, 'gm'))) notes.push({ model: model.class_name, message: construct.message(match) });
    }
  }
  return notes;
}
