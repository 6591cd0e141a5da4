/**
 * Rails validators -> the runtime's client-side validation rules (same kinds, same options, Rails messages).
 * What cannot run in the client (uniqueness, conditional or custom validators) is reported, never dropped silently.
 */
import type { ModelDescription, RubyValue, ValidationDescription } from './description.ts';
import { key, str } from './names.ts';
import { convertRubyRegexp } from './ruby-regexp.ts';

export interface ValidationPlan {
  /** Column -> TypeScript rule literals (`{ kind: 'presence' }`). */
  rules: Map<string, string[]>;
  notes: string[];
}

const NUMERIC_OPTIONS = ['greater_than', 'greater_than_or_equal_to', 'less_than', 'less_than_or_equal_to', 'equal_to', 'other_than'];
const CONDITIONS = ['if', 'unless', 'on'];
/** The options a rule carries, beside its kind's own (`CARRIED_BY_KIND`): any other is named in a note, not dropped silently. */
const CARRIED = ['message', 'allow_nil', 'allow_blank'];
const CARRIED_BY_KIND: Readonly<Record<string, readonly string[]>> = {
  length: ['minimum', 'maximum', 'is'],
  numericality: [...NUMERIC_OPTIONS, 'only_integer', 'odd', 'even'],
  inclusion: ['in', 'within'],
  exclusion: ['in', 'within'],
  // multiline: Rails' permission for ^ and $, which the conversion keeps as line anchors.
  format: ['with', 'without', 'multiline'],
};

export function planValidations(model: ModelDescription): ValidationPlan {
  const rules = new Map<string, string[]>();
  const notes: string[] = [];
  const columns = new Set(model.columns.map((c) => c.name));
  const add = (column: string, rule: string) => rules.set(column, [...(rules.get(column) ?? []), rule]);
  // Rails 5+ (belongs_to_required_by_default): a belongs_to is required unless `optional: true`, failing as "Client must
  // exist" on the association (`errors[:client]`, as the Rails push endpoint sends it too). The client checks the key is
  // set; whether the row exists is the Rails app's to say. Rails adds the check where the belongs_to is declared, which
  // the description marks by listing its name among the validations; one it does not list (from a Rails app with the
  // default off, or an older description) comes first, as most models declare their belongs_to first.
  const required = model.associations.filter((a) => a.macro === 'belongs_to' && a.optional !== true && a.foreign_key && columns.has(a.foreign_key));
  const mustExist = (association: (typeof required)[number]) =>
    add(association.foreign_key!, `{ ${[`kind: ${str('presence')}`, `message: ${str('must exist')}`, `attribute: ${str(association.name)}`].join(', ')} }`);
  for (const association of required) if (!Object.hasOwn(model.validations, association.name)) mustExist(association);
  for (const [attribute, validators] of Object.entries(model.validations)) {
    const requiredHere = required.find((a) => a.name === attribute);
    if (requiredHere) mustExist(requiredHere);
    const belongsTo = model.associations.find((a) => a.name === attribute && a.macro === 'belongs_to' && a.foreign_key);
    const column = columns.has(attribute) ? attribute : belongsTo?.foreign_key ?? null;
    for (const validator of validators) {
      const where = `${attribute}: ${validator.kind}`;
      if (column === null) {
        notes.push(`${where}: '${attribute}' is not a column; validated by Rails only`);
        continue;
      }
      const rule = ruleFor(validator, model.enums.find((e) => e.name === column)?.values);
      if (typeof rule === 'string') {
        add(column, rule);
        const dropped = Object.keys(validator.options).filter((option) => !CARRIED.includes(option) && !(CARRIED_BY_KIND[validator.kind] ?? []).includes(option));
        if (dropped.length > 0) notes.push(`${where}: ${dropped.join(', ')} not carried (the client checks the rest, with Rails' default messages)`);
      } else notes.push(`${where}: ${rule.note}`);
    }
  }
  return { rules, notes };
}

/** `enumValues`: the column's enum (label -> stored value), whose labels an inclusion list names. */
function ruleFor(validator: ValidationDescription, enumValues: Record<string, string | number> | undefined): string | { note: string } {
  const o = validator.options;
  const condition = CONDITIONS.find((c) => o[c] !== undefined);
  if (condition) return { note: `conditional (${condition}:) validators run in Rails only` };
  if (validator.kind === 'uniqueness') return { note: 'uniqueness needs the database; enforced by Rails (and a unique index) only' };
  const common: string[] = [];
  if (o.message !== undefined) {
    if (typeof o.message !== 'string') return { note: 'the message is not a literal string' };
    common.push(`message: ${str(o.message)}`);
  }
  if (o.allow_nil === true) common.push('allow_nil: true');
  if (o.allow_blank === true) common.push('allow_blank: true');
  const specific = specificOptions(validator, enumValues);
  if (!Array.isArray(specific)) return specific;
  return `{ ${[`kind: ${str(validator.kind)}`, ...specific, ...common].join(', ')} }`;
}

function specificOptions(validator: ValidationDescription, enumValues: Record<string, string | number> | undefined): string[] | { note: string } {
  const o = validator.options;
  const numbers = (names: string[]) => {
    const out: string[] = [];
    for (const name of names) {
      const value = o[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) return { note: `${name} is not a literal number` };
      out.push(`${key(name)}: ${value}`);
    }
    return out;
  };
  switch (validator.kind) {
    case 'presence':
    case 'absence':
      return [];
    case 'length':
      return numbers(['minimum', 'maximum', 'is']);
    case 'numericality': {
      const out = numbers(NUMERIC_OPTIONS);
      if (!Array.isArray(out)) return out;
      for (const flag of ['only_integer', 'odd', 'even']) if (o[flag] === true) out.unshift(`${flag}: true`);
      return out;
    }
    case 'inclusion':
    case 'exclusion': {
      const list = o.in ?? o.within;
      if (!Array.isArray(list) || !list.every(isScalar)) return { note: `'in' is not a literal list (ranges and expressions are checked by Rails only)` };
      // Rails validates an enum's label (what the attribute reads); the runtime reads the stored value.
      const stored = enumValues ? list.map((v) => (typeof v === 'string' && Object.hasOwn(enumValues, v) ? enumValues[v]! : v)) : list;
      return [`in: [${stored.map((v) => (typeof v === 'string' ? str(v) : String(v))).join(', ')}]`];
    }
    case 'format': {
      const pattern = o.with ?? o.without;
      if (!isRegexp(pattern)) return { note: 'the format is not a literal regexp' };
      const converted = convertRubyRegexp(pattern);
      if (!converted.ok) return { note: converted.reason };
      return [`with: ${str(converted.source)}`, ...(converted.flags ? [`flags: ${str(converted.flags)}`] : []), ...(o.without ? ['without: true'] : [])];
    }
    default:
      return { note: `custom validator '${validator.kind}' runs in Rails only` };
  }
}

function isScalar(value: RubyValue): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isRegexp(value: RubyValue | undefined): value is { regexp: string; flags: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { regexp?: unknown }).regexp === 'string';
}
