/**
 * How Ruby method names are spelled in TypeScript. One rule, applied by the runtime and the generator:
 *
 * - `name!` -> `name_bang`  (Rails' `find_by!` is `find_by_bang`, `save!` is `save_bang`)
 * - `name?` -> `name_p`     (Rails' `valid?` is `valid_p`, `none?` is `none_p`; Lisp's predicate suffix)
 * - any other name is unchanged.
 *
 * Why suffixes: the Rails name stays first, so completion shows `changed`, `changed_p` side by side and a search for
 * the Rails name finds both; the spelling is reversible (`rubyMethodName`), and no Rails method ends in `_bang` or `_p`,
 * so `changed` / `changed?` and `none` / `none?` never collide.
 */
import { QueryError } from './errors.ts';

const RUBY_METHOD = /^([A-Za-z_][\w]*)([!?]?)$/;

/**
 * The TypeScript spelling of a Ruby method name.
 * @example tsMethodName('find_by!') // 'find_by_bang'; tsMethodName('none?') // 'none_p'; tsMethodName('where') // 'where'
 */
export function tsMethodName(ruby: string): string {
  const match = RUBY_METHOD.exec(ruby);
  if (!match) throw new QueryError(`'${ruby}' is not a Ruby method name zero-record can spell in TypeScript (letters, digits and _, optionally ending in ! or ?)`);
  const [, stem, mark] = match;
  return mark === '!' ? `${stem}_bang` : mark === '?' ? `${stem}_p` : stem!;
}

/**
 * The Ruby method a TypeScript name spells (the inverse of `tsMethodName`).
 * @example rubyMethodName('first_bang') // 'first!'; rubyMethodName('any_p') // 'any?'
 */
export function rubyMethodName(ts: string): string {
  if (ts.endsWith('_bang') && ts.length > 5) return `${ts.slice(0, -5)}!`;
  if (ts.endsWith('_p') && ts.length > 2) return `${ts.slice(0, -2)}?`;
  return ts;
}
