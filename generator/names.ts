/**
 * Names and literals for generated TypeScript. Every identifier and string the generator writes passes through here,
 * so hostile Rails names (`delete`, `__proto__`, quotes, `*\/`) cannot break or inject into the output.
 */
import { camelize, underscore } from '../runtime/core/inflect.ts';
import type { ModelDescription } from './description.ts';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);
import { isIdentifier } from '../runtime/core/identifier.ts';

export { isIdentifier };

/** A string as a TypeScript string literal (JSON's escaping is valid JS and closes every injection). */
export function str(value: string): string {
  // Line/paragraph separators are legal in ES2019 strings but not in older tools: escape them too.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** An object-literal key: bare when it is an identifier, `["__proto__"]` (an own property), else quoted. */
export function key(name: string): string {
  if (name === '__proto__') return `[${str(name)}]`;
  return isIdentifier(name) ? name : str(name);
}

/** A variable / parameter name derived from `name`: sanitised, never a reserved word. */
export function identifier(name: string): string {
  const cleaned = name.replace(/[^\w$]/g, '_');
  const safe = /^[A-Za-z_$]/.test(cleaned) ? cleaned : `_${cleaned}`;
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** A scope parameter's name, never the name the generated function gives the relation (`r` / `relation`). */
export function paramName(name: string | null, taken: string): string {
  const safe = identifier(name ?? 'arg');
  return safe === taken ? `${safe}_` : safe;
}

/** Text for a `/** ... *\/` or `//` comment: no comment closer, no line breaks that could end a `//` comment. */
export function commentText(text: string): string {
  return text
    .replace(/\*\//g, '*\\/')
    .replace(/@ts-/g, '@ ts-')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/** `Admin::LineItem` -> names used for one model's files and exports. */
export interface ModelNames {
  /** `line_item` (file stem, Rails' underscore of the class name). */
  file: string;
  /** `LineItem`: the row type. */
  type: string;
  /** `lineItem`: the model's key in the generated `queries` and `mutators` registries. */
  key: string;
  /** `lineItemConfig`. */
  config: string;
  /** `lineItemScopes` (the app's hand-written scopes). */
  scopes: string;
  active: string;
  reactive: string;
}

export function modelNames(model: Pick<ModelDescription, 'class_name'>): ModelNames {
  // Ruby constants are identifiers already; the sanitising only matters for a hand-made description.
  const camel = camelize(model.class_name.replace(/::/g, '_').replace(/\W+/g, '_'));
  const type = /^[A-Z]/.test(camel) ? camel : `M${camel}`;
  const lower = type[0]!.toLowerCase() + type.slice(1);
  return {
    file: underscore(type),
    type,
    key: lower,
    config: `${lower}Config`,
    scopes: `${lower}Scopes`,
    active: `Active${type}`,
    reactive: `Reactive${type}`,
  };
}

/** `line_items` / `my-table` -> `lineItemsTable`. */
export function tableVariable(table: string): string {
  const camel = camelize(table.replace(/[^A-Za-z0-9]+/g, '_'));
  const base = camel ? camel[0]!.toLowerCase() + camel.slice(1) : 'table';
  return identifier(/^[0-9]/.test(base) ? `t${base}` : base) + 'Table';
}

/** A relative import specifier for a sibling generated module. */
export function sibling(stem: string, extension: string): string {
  return `./${stem}${extension}`;
}
