/**
 * Client-side validations with Rails' rules and messages, run before any write reaches Zero.
 */
import { RecordInvalidError, type ErrorDetail } from './errors.ts';
import { humanize, underscore } from './inflect.ts';
import { rubyNumber } from './conditions.ts';

interface Common {
  readonly message?: string;
  readonly allow_nil?: boolean;
  readonly allow_blank?: boolean;
  /**
   * The attribute the error is reported on, when it is not the column: a required belongs_to checks its foreign key
   * (`user_id`) and Rails reports `Author must exist` on the association (`author`).
   */
  readonly attribute?: string;
}
/** One Rails validation of a column, with Rails' options (`message`, `allow_nil`, `allow_blank`). */
export type ValidationRule =
  | (Common & { readonly kind: 'presence' })
  | (Common & { readonly kind: 'absence' })
  | (Common & { readonly kind: 'length'; readonly minimum?: number; readonly maximum?: number; readonly is?: number })
  | (Common & {
      readonly kind: 'numericality';
      readonly only_integer?: boolean;
      readonly greater_than?: number;
      readonly greater_than_or_equal_to?: number;
      readonly less_than?: number;
      readonly less_than_or_equal_to?: number;
      readonly equal_to?: number;
      readonly other_than?: number;
      readonly odd?: boolean;
      readonly even?: boolean;
    })
  | (Common & { readonly kind: 'inclusion'; readonly in: readonly unknown[] })
  | (Common & { readonly kind: 'exclusion'; readonly in: readonly unknown[] })
  | (Common & { readonly kind: 'format'; readonly with: string; readonly flags?: string; readonly without?: boolean });

/** Column -> rules. */
export type Validations = Readonly<Record<string, readonly ValidationRule[]>>;

export const VALIDATION_KINDS: ReadonlySet<unknown> = new Set(['presence', 'absence', 'length', 'numericality', 'inclusion', 'exclusion', 'format']);

/** Rails' `blank?`. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

// ActiveModel's NumericalityValidator reads the value as typed: an integer by INTEGER's text, any other number as
// Ruby's Kernel.Float reads it (rubyNumber), except a hexadecimal literal, which that grammar leaves out too.
const INTEGER = /^[+-]?\d+$/;

/** The number a numericality validation reads `value` as, or undefined where Rails says `is not a number`. */
function railsNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? rubyNumber(value) : undefined;
}

const characters = (count: number) => `${count} character${count === 1 ? '' : 's'}`;

/** What a custom message may name: Rails' `%{attribute}` and `%{model}` (humanized), `%{value}`, `%{count}`. */
interface Subject {
  readonly model: string;
  readonly attribute: string;
}

/** One failed check: its message and Rails' `errors.details` entry (the error's type and options). */
interface Problem {
  readonly message: string;
  readonly detail: ErrorDetail;
}

/** The problems of one rule for one value (none when the value passes), with Rails' messages and error types. */
function check(rule: ValidationRule, value: unknown, subject: Subject): Problem[] {
  if (rule.allow_nil && (value === null || value === undefined)) return [];
  if (rule.allow_blank && isBlank(value)) return [];
  const count = rule.kind === 'length' ? (rule.is ?? rule.minimum ?? rule.maximum) : undefined;
  // A custom message names the error's own count and value where it has them (numericality's bound, its number).
  const fail = (error: string, fallback: string, options?: Readonly<Record<string, unknown>>): Problem[] => [
    {
      message: rule.message === undefined ? fallback : interpolate(rule.message, { ...subject, value: options && 'value' in options ? options['value'] : value, count: (options?.['count'] as number | undefined) ?? count }),
      detail: { error, ...options },
    },
  ];
  switch (rule.kind) {
    case 'presence':
      return isBlank(value) ? fail('blank', "can't be blank") : [];
    case 'absence':
      return isBlank(value) ? [] : fail('present', 'must be blank');
    case 'length': {
      const length = value === null || value === undefined ? 0 : String(value).length;
      if (rule.is !== undefined && length !== rule.is) return fail('wrong_length', `is the wrong length (should be ${characters(rule.is)})`, { count: rule.is });
      if (rule.minimum !== undefined && length < rule.minimum) return fail('too_short', `is too short (minimum is ${characters(rule.minimum)})`, { count: rule.minimum });
      if (rule.maximum !== undefined && length > rule.maximum) return fail('too_long', `is too long (maximum is ${characters(rule.maximum)})`, { count: rule.maximum });
      return [];
    }
    case 'numericality': {
      // As ActiveModel: the value as given for not-a-number / not-an-integer, the number for the comparisons.
      const number = railsNumber(value);
      if (number === undefined) return fail('not_a_number', 'is not a number', { value });
      if (rule.only_integer && (typeof value === 'number' ? !Number.isInteger(value) : !INTEGER.test(String(value)))) return fail('not_an_integer', 'must be an integer', { value });
      const problems: Problem[] = [];
      for (const [option, holds, text] of COMPARISONS) {
        const bound = rule[option];
        if (bound !== undefined && !holds(number, bound)) problems.push(...fail(option, `${text} ${bound}`, { value: number, count: bound }));
      }
      // Rails tests the integer part (`value.to_i.odd?`): 3.5 is odd.
      if (rule.odd && Math.abs(Math.trunc(number) % 2) !== 1) problems.push(...fail('odd', 'must be odd', { value: number }));
      if (rule.even && Math.trunc(number) % 2 !== 0) problems.push(...fail('even', 'must be even', { value: number }));
      return problems;
    }
    case 'inclusion':
      return rule.in.includes(value) ? [] : fail('inclusion', 'is not included in the list', { value });
    case 'exclusion':
      return rule.in.includes(value) ? fail('exclusion', 'is reserved', { value }) : [];
    case 'format': {
      const matches = new RegExp(rule.with, rule.flags).test(value === null || value === undefined ? '' : String(value));
      return matches === !rule.without ? [] : fail('invalid', 'is invalid', { value });
    }
  }
}

type Comparison = 'greater_than' | 'greater_than_or_equal_to' | 'less_than' | 'less_than_or_equal_to' | 'equal_to' | 'other_than';
/** Numericality's comparisons, in ActiveModel's order (its COMPARE_CHECKS): option, test, message. */
const COMPARISONS: ReadonlyArray<readonly [Comparison, (n: number, bound: number) => boolean, string]> = [
  ['greater_than', (n, b) => n > b, 'must be greater than'],
  ['greater_than_or_equal_to', (n, b) => n >= b, 'must be greater than or equal to'],
  ['equal_to', (n, b) => n === b, 'must be equal to'],
  ['less_than', (n, b) => n < b, 'must be less than'],
  ['less_than_or_equal_to', (n, b) => n <= b, 'must be less than or equal to'],
  ['other_than', (n, b) => n !== b, 'must be other than'],
];

/** A custom message with Rails' interpolations filled in (ActiveModel's `human_attribute_name` and `model_name.human`). */
function interpolate(message: string, given: Subject & { readonly value: unknown; readonly count: number | undefined }): string {
  return message.replace(/%\{(attribute|model|value|count)\}/g, (_, name: string) => {
    if (name === 'attribute') return humanize(given.attribute);
    if (name === 'model') return humanize(underscore(given.model.replace(/^.*::/, '')));
    return String((name === 'value' ? given.value : given.count) ?? '');
  });
}

/** What failed validation: attribute -> messages (Rails' `errors.messages`) and attribute -> Rails' `errors.details`. */
export interface Failures {
  readonly messages: Record<string, string[]>;
  readonly details: Record<string, ErrorDetail[]>;
}

/** Runs every rule of `model` (its class name) against `attributes`: what failed (both empty when valid). */
export function validate(model: string, validations: Validations, attributes: Readonly<Record<string, unknown>>): Failures {
  const failures: Failures = { messages: {}, details: {} };
  for (const [column, rules] of Object.entries(validations)) {
    for (const rule of rules) {
      const attribute = rule.attribute ?? column;
      for (const { message, detail } of check(rule, attributes[column], { model, attribute })) {
        (failures.messages[attribute] ??= []).push(message);
        (failures.details[attribute] ??= []).push(detail);
      }
    }
  }
  return failures;
}

/** Runs every rule of `model` (its class name) against `attributes`; returns attribute -> messages (empty object when valid). */
export function validationErrors(model: string, validations: Validations, attributes: Readonly<Record<string, unknown>>): Record<string, string[]> {
  return validate(model, validations, attributes).messages;
}

/** Throws `RecordInvalidError` (Rails' `Validation failed: Title can't be blank`) when any rule fails. */
export function assertValid(model: string, validations: Validations, attributes: Readonly<Record<string, unknown>>): void {
  const failures = validate(model, validations, attributes);
  if (Object.keys(failures.messages).length > 0) throw RecordInvalidError.of(model, failures.messages, failures.details);
}
