/**
 * Client-side validations with Rails' rules and messages, run before any write reaches Zero.
 */
import { RecordInvalidError, type ValidationErrors } from './errors.ts';
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

/** The Rails messages of one rule for one value (empty when the value passes). */
function check(rule: ValidationRule, value: unknown, subject: Subject): string[] {
  if (rule.allow_nil && (value === null || value === undefined)) return [];
  if (rule.allow_blank && isBlank(value)) return [];
  const count = rule.kind === 'length' ? (rule.is ?? rule.minimum ?? rule.maximum) : undefined;
  const say = (fallback: string) => [rule.message === undefined ? fallback : interpolate(rule.message, { ...subject, value, count })];
  switch (rule.kind) {
    case 'presence':
      return isBlank(value) ? say("can't be blank") : [];
    case 'absence':
      return isBlank(value) ? [] : say('must be blank');
    case 'length': {
      const length = value === null || value === undefined ? 0 : String(value).length;
      if (rule.is !== undefined && length !== rule.is) return say(`is the wrong length (should be ${characters(rule.is)})`);
      if (rule.minimum !== undefined && length < rule.minimum) return say(`is too short (minimum is ${characters(rule.minimum)})`);
      if (rule.maximum !== undefined && length > rule.maximum) return say(`is too long (maximum is ${characters(rule.maximum)})`);
      return [];
    }
    case 'numericality': {
      const number = railsNumber(value);
      if (number === undefined) return say('is not a number');
      if (rule.only_integer && (typeof value === 'number' ? !Number.isInteger(value) : !INTEGER.test(String(value)))) return say('must be an integer');
      const bounds: Array<[number | undefined, (n: number, b: number) => boolean, string]> = [
        [rule.greater_than, (n, b) => n > b, 'must be greater than'],
        [rule.greater_than_or_equal_to, (n, b) => n >= b, 'must be greater than or equal to'],
        [rule.less_than, (n, b) => n < b, 'must be less than'],
        [rule.less_than_or_equal_to, (n, b) => n <= b, 'must be less than or equal to'],
        [rule.equal_to, (n, b) => n === b, 'must be equal to'],
        [rule.other_than, (n, b) => n !== b, 'must be other than'],
      ];
      const messages = bounds.filter(([bound, ok]) => bound !== undefined && !ok(number, bound)).map(([bound, , text]) => `${text} ${bound}`);
      if (rule.odd && Math.abs(number % 2) !== 1) messages.push('must be odd');
      if (rule.even && number % 2 !== 0) messages.push('must be even');
      return rule.message !== undefined && messages.length > 0 ? say('') : messages;
    }
    case 'inclusion':
      return rule.in.includes(value) ? [] : say('is not included in the list');
    case 'exclusion':
      return rule.in.includes(value) ? say('is reserved') : [];
    case 'format': {
      const matches = new RegExp(rule.with, rule.flags).test(value === null || value === undefined ? '' : String(value));
      return matches === !rule.without ? [] : say('is invalid');
    }
  }
}

/** A custom message with Rails' interpolations filled in (ActiveModel's `human_attribute_name` and `model_name.human`). */
function interpolate(message: string, given: Subject & { readonly value: unknown; readonly count: number | undefined }): string {
  return message.replace(/%\{(attribute|model|value|count)\}/g, (_, name: string) => {
    if (name === 'attribute') return humanize(given.attribute);
    if (name === 'model') return humanize(underscore(given.model.replace(/^.*::/, '')));
    return String((name === 'value' ? given.value : given.count) ?? '');
  });
}

/** Runs every rule of `model` (its class name) against `attributes`; returns attribute -> messages (empty object when valid). */
export function validationErrors(model: string, validations: Validations, attributes: Readonly<Record<string, unknown>>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [column, rules] of Object.entries(validations)) {
    for (const rule of rules) {
      const attribute = rule.attribute ?? column;
      const messages = check(rule, attributes[column], { model, attribute });
      if (messages.length === 0) continue;
      (errors[attribute] ??= []).push(...messages);
    }
  }
  return errors;
}

/** Throws `RecordInvalidError` (Rails' `Validation failed: Title can't be blank`) when any rule fails. */
export function assertValid(model: string, validations: Validations, attributes: Readonly<Record<string, unknown>>): void {
  const errors: ValidationErrors = validationErrors(model, validations, attributes);
  if (Object.keys(errors).length > 0) throw RecordInvalidError.of(model, errors);
}
