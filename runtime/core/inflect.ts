/**
 * Rails-style inflection for the names the toolkit derives (table -> class, class -> plural in messages): ActiveSupport's
 * English rules and algorithm (inflections.rb, `apply_inflections`), checked against ActiveSupport word for word. Apps
 * with inflections of their own set `className` (and an enum's `mapping`) explicitly.
 */
type Rule = readonly [pattern: RegExp, replacement: string];

/** Rails' `irregular`: each pair adds a rule matching the word at the end of any word (`salesman` -> `salesmen`). */
const IRREGULAR: readonly (readonly [singular: string, plural: string])[] = [
  ['person', 'people'],
  ['man', 'men'],
  ['child', 'children'],
  ['sex', 'sexes'],
  ['move', 'moves'],
  ['zombie', 'zombies'],
];

/**
 * Rails' uncountables: a word ending in one after a word boundary (`sales-fish`, not `catfish` or `line_fish`). Ruby's
 * `\b` knows Unicode word characters (`éfish` has none), JavaScript's only ASCII ones: hence the lookbehind.
 */
const UNCOUNTABLE = ['equipment', 'information', 'rice', 'money', 'species', 'series', 'fish', 'sheep', 'jeans', 'police'].map(
  (word) => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}\\p{Pc}])${word}$`, 'iu'),
);

// In the order Rails tries them: the reverse of inflections.rb, irregulars (defined last) first.
const PLURAL_RULES: readonly Rule[] = [
  ...irregularRules((s, p) => [[suffix(p), p], [suffix(s), p]]),
  [/(quiz)$/i, '$1zes'],
  [/^(oxen)$/i, '$1'],
  [/^(ox)$/i, '$1en'],
  [/^(m|l)ice$/i, '$1ice'],
  [/^(m|l)ouse$/i, '$1ice'],
  [/(matr|vert|ind)(?:ix|ex)$/i, '$1ices'],
  [/(x|ch|ss|sh)$/i, '$1es'],
  [/([^aeiouy]|qu)y$/i, '$1ies'],
  [/(hive)$/i, '$1s'],
  [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'],
  [/sis$/i, 'ses'],
  [/([ti])a$/i, '$1a'],
  [/([ti])um$/i, '$1a'],
  [/(buffal|tomat)o$/i, '$1oes'],
  [/(bu)s$/i, '$1ses'],
  [/(alias|status)$/i, '$1es'],
  [/(octop|vir)i$/i, '$1i'],
  [/(octop|vir)us$/i, '$1i'],
  [/^(ax|test)is$/i, '$1es'],
  [/s$/i, 's'],
  [/$/, 's'],
];

const SINGULAR_RULES: readonly Rule[] = [
  ...irregularRules((s, p) => [[suffix(p), s], [suffix(s), s]]),
  [/(database)s$/i, '$1'],
  [/(quiz)zes$/i, '$1'],
  [/(matr)ices$/i, '$1ix'],
  [/(vert|ind)ices$/i, '$1ex'],
  [/^(ox)en/i, '$1'],
  [/(alias|status)(es)?$/i, '$1'],
  [/(octop|vir)(us|i)$/i, '$1us'],
  [/^(a)x[ie]s$/i, '$1xis'],
  [/(cris|test)(is|es)$/i, '$1is'],
  [/(shoe)s$/i, '$1'],
  [/(o)es$/i, '$1'],
  [/(bus)(es)?$/i, '$1'],
  [/^(m|l)ice$/i, '$1ouse'],
  [/(x|ch|ss|sh)es$/i, '$1'],
  [/(m)ovies$/i, '$1ovie'],
  [/(s)eries$/i, '$1eries'],
  [/([^aeiouy]|qu)ies$/i, '$1y'],
  [/([lr])ves$/i, '$1f'],
  [/(tive)s$/i, '$1'],
  [/(hive)s$/i, '$1'],
  [/([^f])ves$/i, '$1fe'],
  [/(^analy)(sis|ses)$/i, '$1sis'],
  [/((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$/i, '$1sis'],
  [/([ti])a$/i, '$1um'],
  [/(n)ews$/i, '$1ews'],
  [/(ss)$/i, '$1'],
  [/s$/i, ''],
];

/** `man` -> /(m)an$/i: the first letter kept as written (`SALESMAN` -> `SALESMen`, as Rails). */
function suffix(word: string): RegExp {
  return new RegExp(`(${word[0]})${word.slice(1)}$`, 'i');
}

/** Each irregular pair's rules, `to` naming the target word: the last pair defined is tried first. */
function irregularRules(rules: (singular: string, plural: string) => readonly (readonly [RegExp, string])[]): Rule[] {
  return [...IRREGULAR].reverse().flatMap(([s, p]) => rules(s, p).map(([pattern, word]): Rule => [pattern, `$1${word.slice(1)}`]));
}

/** ActiveSupport's `apply_inflections`: an uncountable word as it is, else the first rule that matches. */
function inflect(word: string, rules: readonly Rule[]): string {
  if (word === '' || UNCOUNTABLE.some((pattern) => pattern.test(word))) return word;
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

/** `job` -> `jobs`, `status` -> `statuses`, `person` -> `people`, `line_item` -> `line_items`. */
export function pluralize(word: string): string {
  return inflect(word, PLURAL_RULES);
}

/** `jobs` -> `job`, `line_items` -> `line_item`, `people` -> `person`. */
export function singularize(word: string): string {
  return inflect(word, SINGULAR_RULES);
}

/** `line_item` -> `LineItem`. */
export function camelize(word: string): string {
  return word
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Rails' `demodulize`: `Billing::Invoice` -> `Invoice`. */
export function demodulize(className: string): string {
  const at = className.lastIndexOf('::');
  return at < 0 ? className : className.slice(at + 2);
}

/** `LineItem` -> `line_item`. */
export function underscore(word: string): string {
  return word
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** Table name -> class name, as Rails' `classify`: `line_items` -> `LineItem`. */
export function classify(table: string): string {
  return camelize(singularize(table.slice(table.lastIndexOf('.') + 1)));
}

/** Class name -> table name, as Rails' `tableize`: `LineItem` -> `line_items`. */
export function tableize(className: string): string {
  return pluralize(underscore(className));
}

/** Column name -> the human label Rails uses in messages: `client_id` -> `Client`, `created_at` -> `Created at`. */
export function humanize(column: string): string {
  const words = column.replace(/_id$/, '').replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : words;
}
