/**
 * What a model class declares that neither path carries into the generated models, read from its source, so the
 * report names it: the description holds what is carried, and a construct left out of it would otherwise vanish without
 * a word. Each model's own class body is read (parsed, so comments, strings and other classes in the file say nothing).
 * A few constructs only the Rails path carries are named for the static path alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CallNode, CallOperatorWriteNode, DefNode, SelfNode, SingletonClassNode, StatementsNode, type Node } from '@ruby/prism/src/nodes.js';
import { underscore } from '../runtime/core/inflect.ts';
import type { AppDescription } from './description.ts';
import type { Note } from './plan.ts';
import { classNodes } from './static/model-rb.ts';
import { keywordArgs, literalName, parseRuby, positionalArgs, type RubySource } from './static/ruby-ast.ts';

/** What reads a model the static path cannot: said wherever that path leaves something out. */
export const RAILS_TASK = 'run the Rails task (bin/rails zero_record:generate), which loads the class';

/**
 * Per macro: the note for a call of it (`names`: its arguments, `:name` where literal; `options`: its keyword options, a
 * literal's name or else their text), null where the call leaves nothing out, and the one path it is for, if only one.
 */
const MACROS: Readonly<
  Record<string, { readonly note: (names: readonly string[], options: ReadonlyMap<string, string>) => string | null; readonly only?: 'static' | 'rails' }>
> = {
  validate: { note: (names) => `validate ${names.join(', ')} runs in Rails only: neither the client nor the mutators check it` },
  validates_with: { note: (names) => `validates_with ${names.join(', ')} runs in Rails only: neither the client nor the mutators check it` },
  validates_associated: { note: (names) => `validates_associated ${names.join(', ')} runs in Rails only: the client does not validate the associated records` },
  normalizes: { note: (names) => `normalizes ${names.join(', ')} is not applied: values are written, and compared in where, as given` },
  store_accessor: { note: ([store = '', ...keys]) => `store_accessor ${store}: its keys (${keys.join(', ')}) are not attributes here; read and write ${store} (a JSON object)` },
  store: { note: ([store = '']) => `store ${store}: its keys are not attributes here; read and write ${store} (a JSON object)` },
  has_secure_password: { note: () => 'has_secure_password: password and password_confirmation are not attributes here, and password_digest is synced to every client unless a read policy leaves it out' },
  has_secure_token: { note: ([name]) => `has_secure_token${name ? ` ${name}` : ''}: the token is not generated on create here; give it, or let Rails write the row` },
  alias_attribute: { note: ([alias = '']) => `alias_attribute ${alias} is not an attribute here: use the column's own name` },
  accepts_nested_attributes_for: { note: (names) => `accepts_nested_attributes_for ${names.join(', ')}: its _attributes are not attributes here; write the associated records through their own model` },
  delegate: {
    note: (names, options) => {
      const to = options.get('to') ?? '?';
      // `prefix: true` names the methods after the target (project_name), `prefix: :owner` after the prefix.
      const prefix = options.get('prefix');
      const as = prefix === undefined || prefix === 'false' ? '' : ` (as ${names.map((n) => `${prefix === 'true' ? to : prefix}_${n.replace(/^:/, '')}`).join(', ')})`;
      return `delegate ${names.join(', ')} to ${to}${as}: the delegated methods are not defined here; read them through ${to}`;
    },
  },
  // A belongs_to's other options are in the description; default: is not (Rails runs it on create when none is set).
  belongs_to: {
    note: ([name = ''], options) =>
      options.has('default') ? `belongs_to ${name}: its default: is not applied (Rails sets it on create when none is given); give it when creating here, or let Rails write the row` : null,
  },
  attribute: { note: ([name = '']) => `attribute ${name}: the static path does not read it (its type and default); ${RAILS_TASK}`, only: 'static' },
};

/** A call's arguments: `:name` where literal, else their text. */
function namesOf(call: CallNode, src: RubySource): string[] {
  return positionalArgs(call).map((arg) => {
    const name = literalName(arg);
    return name === null ? src.text(arg) : `:${name}`;
  });
}

/** A call's keyword options: a literal's name, else the value's text. */
function optionsOf(call: CallNode, src: RubySource): Map<string, string> {
  return new Map(keywordArgs(call).map(([key, value]) => [key, literalName(value) ?? src.text(value)]));
}

/** The concern `name` is, when the app defines it under app/models (app/models/concerns/archivable.rb): else a library module. */
function isAppConcern(root: string, name: string): boolean {
  const path = underscore(name.replace(/::/g, '/'));
  return existsSync(join(root, 'app/models/concerns', `${path}.rb`)) || existsSync(join(root, 'app/models', `${path}.rb`));
}

function notesOfClass(body: readonly Node[], src: RubySource, root: string, path: 'static' | 'rails'): string[] {
  const notes: string[] = [];
  const classMethods: string[] = [];
  for (const statement of body) {
    if (statement instanceof DefNode && statement.receiver instanceof SelfNode) classMethods.push(`self.${statement.name}`);
    if (statement instanceof SingletonClassNode && statement.body instanceof StatementsNode) {
      for (const inner of statement.body.body) if (inner instanceof DefNode) classMethods.push(`self.${inner.name}`);
    }
    const ignored =
      (statement instanceof CallNode && statement.receiver instanceof SelfNode && statement.name === 'ignored_columns=') ||
      (statement instanceof CallOperatorWriteNode && statement.receiver instanceof SelfNode && statement.readName === 'ignored_columns');
    if (ignored && path === 'static') notes.push(`ignored_columns: the static path syncs those columns (dropping one later leaves the Zero schema stale); ${RAILS_TASK}`);
    if (!(statement instanceof CallNode) || statement.receiver !== null) continue;
    if (statement.name === 'include') {
      for (const concern of positionalArgs(statement).map((arg) => src.text(arg)).filter((name) => isAppConcern(root, name))) {
        notes.push(
          path === 'static'
            ? `include ${concern}: the static path reads no concern (its scopes, default scope, validations and associations are missing: a default scope there is not applied); ${RAILS_TASK}`
            : `include ${concern}: the scopes a concern declares are not generated (its default scope, validations and associations are)`,
        );
      }
      continue;
    }
    const macro = MACROS[statement.name];
    const note = macro && (macro.only === undefined || macro.only === path) ? macro.note(namesOf(statement, src), optionsOf(statement, src)) : null;
    if (note !== null) notes.push(note);
  }
  if (classMethods.length > 0) {
    notes.push(`class methods (${classMethods.join(', ')}) are not generated: one that is a scope (returns a relation) is missing; write it as a scope, or in the model's .scopes.ts`);
  }
  return notes;
}

/**
 * The notes for what the models' classes declare and the generated models do not carry. `root` is the Rails app (the
 * model files' paths are relative to it); a file not found there, or one that does not parse, gives no note. `path`
 * says which path described the app.
 */
export async function sourceNotes(root: string, description: AppDescription, path: 'static' | 'rails'): Promise<Note[]> {
  const notes: Note[] = [];
  const parsed = new Map<string, RubySource | null>();
  for (const model of description.models) {
    const file = join(root, model.file);
    if (!parsed.has(file)) parsed.set(file, existsSync(file) ? await parseRuby(model.file, await readFile(file, 'utf8')).catch(() => null) : null);
    const src = parsed.get(file);
    const node = src ? classNodes(src).find(([name]) => name === model.class_name)?.[1] : undefined;
    const body = node?.body instanceof StatementsNode ? node.body.body : [];
    for (const message of notesOfClass(body, src!, root, path)) notes.push({ model: model.class_name, message });
  }
  return notes;
}
