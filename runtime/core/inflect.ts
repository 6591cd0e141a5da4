/**
 * Rails-style inflection for the names the toolkit derives (table -> class, class -> plural in messages).
 * Covers Rails' regular rules and its common irregulars; apps with other irregulars set `className` explicitly.
 */
const IRREGULAR: ReadonlyArray<readonly [string, string]> = [
  ['person', 'people'],
  ['man', 'men'],
  ['woman', 'women'],
  ['child', 'children'],
  ['sex', 'sexes'],
  ['move', 'moves'],
  ['zombie', 'zombies'],
];
const UNCOUNTABLE = new Set(['equipment', 'information', 'rice', 'money', 'species', 'series', 'fish', 'sheep', 'jeans', 'police']);

const PLURAL_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(quiz)$/i, '$1zes'],
  [/^(oxen)$/i, '$1'],
  [/^(ox)$/i, '$1en'],
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

const SINGULAR_RULES: ReadonlyArray<readonly [RegExp, string]> = [
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

function applyRules(word: string, rules: ReadonlyArray<readonly [RegExp, string]>): string {
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}

/** Inflects the last `_`-separated segment, as Rails does for `line_items`. */
function inflectLast(word: string, toPlural: boolean): string {
  const cut = word.lastIndexOf('_') + 1;
  const head = word.slice(0, cut);
  const last = word.slice(cut);
  const lower = last.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  for (const [singular, plural] of IRREGULAR) {
    const from = toPlural ? singular : plural;
    const to = toPlural ? plural : singular;
    if (lower === from) return head + last[0] + to.slice(1);
  }
  return head + applyRules(last, toPlural ? PLURAL_RULES : SINGULAR_RULES);
}

/** `job` -> `jobs`, `status` -> `statuses`, `person` -> `people`. */
export function pluralize(word: string): string {
  return inflectLast(word, true);
}

/** `jobs` -> `job`, `line_items` -> `line_item`, `people` -> `person`. */
export function singularize(word: string): string {
  return inflectLast(word, false);
}

/** `line_item` -> `LineItem`. */
export function camelize(word: string): string {
  return word
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
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
