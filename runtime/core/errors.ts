import { humanize } from './inflect.ts';

/**
 * The runtime's one error framework. Every failure surfaces as a subclass of `ZeroRecordError`;
 * underlying Zero or JS errors travel as `cause`.
 */
export class ZeroRecordError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Rails' `ActiveRecord::RecordNotFound`: `find`, `find_by_bang`, `first_bang`, ... found nothing. */
export class RecordNotFoundError extends ZeroRecordError {
  readonly model: string;
  readonly primaryKey: string;
  readonly id: unknown;
  constructor(message: string, details: { model: string; primaryKey: string; id?: unknown }) {
    super(message);
    this.model = details.model;
    this.primaryKey = details.primaryKey;
    this.id = details.id;
  }

  /** What Zero sends back with a mutator's failure (its error `details`), so the client can raise this error again. */
  get details(): { name: 'RecordNotFoundError'; model: string; primaryKey: string; id: unknown } {
    return { name: 'RecordNotFoundError', model: this.model, primaryKey: this.primaryKey, id: this.id ?? null };
  }

  /** The error a mutator failure describes, when it is a missing record (`RecordNotFound` is the Rails push endpoint's name). */
  static fromDetails(details: unknown, message: string): RecordNotFoundError | undefined {
    const d = details as { name?: unknown; model?: unknown; primaryKey?: unknown; id?: unknown } | null | undefined;
    if ((d?.name !== 'RecordNotFoundError' && d?.name !== 'RecordNotFound') || typeof d.model !== 'string' || typeof d.primaryKey !== 'string') return undefined;
    return new RecordNotFoundError(message, { model: d.model, primaryKey: d.primaryKey, id: d.id });
  }
}

/** Rails' `ActiveRecord::SoleRecordExceeded`: `sole` found more than one record. */
export class SoleRecordExceededError extends ZeroRecordError {
  readonly model: string;
  constructor(model: string) {
    super(`Wanted only one ${model}`);
    this.model = model;
  }
}

/** A model configuration is invalid; `problems` lists every problem found, not just the first. */
export class ConfigError extends ZeroRecordError {
  readonly problems: readonly string[];
  constructor(subject: string, problems: readonly string[]) {
    super(`${subject}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** A TTL that Zero cannot take. Raised before the value can reach Zero. */
export class TtlError extends ZeroRecordError {
  readonly value: unknown;
  constructor(value: unknown) {
    super(
      `Invalid TTL ${describeValue(value)}: use '30s', '5m', '2h', '1d' (a number and one of s, m, h, d), 'forever', 'none', ` +
        `or a non-negative number of milliseconds.`,
    );
    this.value = value;
  }
}

/** Bad finder input: an unknown column, a wrong scope argument, an unsupported condition. Rails raises ArgumentError / StatementInvalid. */
export class QueryError extends ZeroRecordError {}

/** Rails' `ActiveModel::UnknownAttributeError`: a hash given to `new`, `create`, `update`... names no column of the model. */
export class UnknownAttributeError extends QueryError {
  readonly attribute: string;
  readonly model: string;
  constructor(model: string, attribute: string) {
    super(`unknown attribute '${attribute}' for ${model}.`);
    this.model = model;
    this.attribute = attribute;
  }
}

/** Rails' `ActiveModel::MissingAttributeError`: a write of one named attribute (`increment`, `touch`, `update_columns`) names no column. */
export class MissingAttributeError extends QueryError {
  readonly attribute: string;
  constructor(attribute: string) {
    super(`can't write unknown attribute \`${attribute}\``);
    this.attribute = attribute;
  }
}

/** Rails' message for attributes that are no hash (`assign_attributes('x')`), Ruby's class names for JavaScript's values. */
export function notAHashMessage(value: unknown): string {
  const ruby = value === null || value === undefined ? 'NilClass' : Array.isArray(value) ? 'Array' : typeof value === 'string' ? 'String'
    : typeof value === 'number' ? (Number.isInteger(value) ? 'Integer' : 'Float') : typeof value === 'boolean' ? (value ? 'TrueClass' : 'FalseClass') : 'Object';
  return `When assigning attributes, you must pass a hash as an argument, ${ruby} passed.`;
}

/**
 * A relation spec (the JSON argument of a named relation query) is not allowed: an unknown table, column, operator or
 * relationship, a value of the wrong type, or a size over the configured caps. `path` points at the offending part.
 */
export class InvalidRelationSpecError extends QueryError {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`Invalid relation spec at ${path || 'the top level'}: ${message}`);
    this.path = path;
  }
}

/** Zero was not ready (the configured source returned undefined) within the wait limit. */
export class ZeroNotReadyError extends ZeroRecordError {}

/** A write (insert, update, delete) was rejected by Zero locally or by the server. */
export class MutationError extends ZeroRecordError {
  readonly operation: string;
  readonly model: string;
  constructor(model: string, operation: string, message: string, options?: { cause?: unknown }) {
    super(`${model} ${operation} failed: ${message}`, options);
    this.model = model;
    this.operation = operation;
  }
}

/** Rails' `ActiveRecord::RecordNotUnique`: an insert whose primary key a row already has (Zero's one unique constraint). */
export class RecordNotUniqueError extends MutationError {
  /** The insert of `id` into `model`, whose key column `primaryKey` a row already holds it in. */
  static keyTaken(model: string, primaryKey: string, id: unknown): RecordNotUniqueError {
    return new RecordNotUniqueError(model, 'insert', `the key '${primaryKey}'=${describeValue(id)} is taken: the row already exists`);
  }

  /** What Zero sends back with a mutator's failure (its error `details`), so the client can raise this error again. */
  get details(): { name: 'RecordNotUniqueError'; model: string; operation: string; message: string } {
    return { name: 'RecordNotUniqueError', model: this.model, operation: this.operation, message: this.message };
  }

  static fromDetails(details: unknown): RecordNotUniqueError | undefined {
    const d = details as Partial<RecordNotUniqueError['details']> | null | undefined;
    if (d?.name !== 'RecordNotUniqueError' || typeof d.model !== 'string' || typeof d.operation !== 'string' || typeof d.message !== 'string') return undefined;
    const error = new RecordNotUniqueError(d.model, d.operation, '');
    error.message = d.message;
    return error;
  }
}

/** Rails' `ActiveRecord::NotNullViolation`: NULL written to a column the schema requires; refused before the write. */
export class NotNullViolationError extends MutationError {}

/** The connection to zero-cache is in a state where the request cannot complete. */
export class ConnectionError extends ZeroRecordError {
  readonly state: string;
  constructor(state: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.state = state;
  }
}

/** A live query reported an error (resultType 'error'). */
export class QueryFailedError extends ZeroRecordError {}

/** Rails' `errors.full_message(:title, "can't be blank")`: `Title can't be blank`; an error on `base` is its message alone. */
export function fullMessage(attribute: string, message: string): string {
  return attribute === 'base' ? message : `${humanize(attribute)} ${message}`;
}

/** Rails-style validation errors: attribute -> messages (full messages include the humanized attribute). */
export type ValidationErrors = Readonly<Record<string, readonly string[]>>;

/**
 * One entry of Rails' `errors.details`: the error's type (`'blank'`, `'too_short'`, ...; for a message added as text, the
 * text) and its options (`count`, `value`).
 * @example { error: 'too_short', count: 3 }
 */
export type ErrorDetail = Readonly<{ error: string } & Record<string, unknown>>;

/** Rails' `errors.details`: attribute -> one entry per message, in the same order. */
export type ValidationErrorDetails = Readonly<Record<string, readonly ErrorDetail[]>>;

/** Details for messages that came without any (a server that sends only messages): each message is its own type, as Rails' `errors.add(:attr, "text")` records it. */
function detailsOfMessages(errors: ValidationErrors): ValidationErrorDetails {
  return Object.fromEntries(Object.entries(errors).map(([attribute, messages]) => [attribute, messages.map((error) => ({ error }))]));
}

/** Whether `details` has one well-formed entry per message of `errors`. */
function detailsMatch(details: unknown, errors: ValidationErrors): details is ValidationErrorDetails {
  if (typeof details !== 'object' || details === null) return false;
  return Object.entries(errors).every(([attribute, messages]) => {
    const entries: unknown = Reflect.get(details, attribute);
    return Array.isArray(entries) && entries.length === messages.length && entries.every((d) => typeof d === 'object' && d !== null && typeof Reflect.get(d, 'error') === 'string');
  });
}

/**
 * Rails' `ActiveRecord::RecordInvalid`: validations failed, on the client before the write reached Zero, or where the
 * mutator ran (`{ wait: 'server' }`). Raised by the `_bang` writes; `save`, `update` and `create` put it in `errors`.
 */
export class RecordInvalidError extends ZeroRecordError {
  readonly model: string;
  readonly errors: ValidationErrors;
  /** Rails' `errors.details` of the failure: each message's type and options. */
  readonly errorDetails: ValidationErrorDetails;
  readonly fullMessages: readonly string[];
  #record: object | null = null;
  /** `errorDetails` that do not give one entry per message (none given, or a server's that do not fit) are rebuilt from the messages. */
  constructor(model: string, errors: ValidationErrors, fullMessages: readonly string[], errorDetails?: ValidationErrorDetails) {
    super(`Validation failed: ${fullMessages.join(', ')}`);
    this.model = model;
    this.errors = errors;
    this.errorDetails = detailsMatch(errorDetails, errors) ? errorDetails : detailsOfMessages(errors);
    this.fullMessages = fullMessages;
  }

  /** Rails' `RecordInvalid#record`: the record that failed, when the error came from saving one (not part of equality). */
  get record(): object | null {
    return this.#record;
  }
  set record(record: object | null) {
    this.#record = record;
  }

  /** The error for `errors` (attribute -> messages), with Rails' full messages (`Title can't be blank`; `base` alone). */
  static of(model: string, errors: ValidationErrors, errorDetails?: ValidationErrorDetails): RecordInvalidError {
    const full = Object.entries(errors).flatMap(([attribute, messages]) => messages.map((message) => fullMessage(attribute, message)));
    return new RecordInvalidError(model, errors, full, errorDetails);
  }

  /** What Zero sends back with a mutator's failure (its error `details`), so the client can raise this error again. */
  get details(): { name: 'RecordInvalidError'; model: string; errors: ValidationErrors; errorDetails: ValidationErrorDetails; fullMessages: readonly string[] } {
    return { name: 'RecordInvalidError', model: this.model, errors: this.errors, errorDetails: this.errorDetails, fullMessages: this.fullMessages };
  }

  /** The error a mutator failure's `details` describe, when they describe a RecordInvalidError. */
  static fromDetails(details: unknown): RecordInvalidError | undefined {
    const d = details as Partial<RecordInvalidError['details']> | null | undefined;
    if (d?.name !== 'RecordInvalidError' || typeof d.model !== 'string' || typeof d.errors !== 'object' || d.errors === null || !Array.isArray(d.fullMessages)) return undefined;
    return new RecordInvalidError(d.model, d.errors, d.fullMessages, d.errorDetails);
  }
}

/** Rails' `ActiveRecord::RecordNotSaved`: `save_bang` of a record that cannot be saved (it was destroyed). */
export class RecordNotSavedError extends ZeroRecordError {
  readonly model: string;
  constructor(model: string, message: string) {
    super(message);
    this.model = model;
  }
}

/** Rails' `ActiveRecord::DeleteRestrictionError`: `destroy` of a record whose `dependent: :restrict_with_exception` association has rows. */
export class DeleteRestrictionError extends ZeroRecordError {
  readonly model: string;
  constructor(model: string, message: string) {
    super(message);
    this.model = model;
  }
}

/** Rails' `ActiveRecord::RecordNotDestroyed`: `destroy_bang` of a record whose destroy was refused (`restrict_with_error`). */
export class RecordNotDestroyedError extends ZeroRecordError {
  readonly model: string;
  constructor(model: string, message: string) {
    super(message);
    this.model = model;
  }
}

/**
 * Rails' `ActiveRecord::SubclassNotFound`: a record of a single-table-inheritance subclass model made with a type that
 * names neither the model nor one of its descendants (`ActiveAdmin.new({ type: 'User' })`).
 */
export class SubclassNotFoundError extends ZeroRecordError {}

/** Wraps anything thrown by Zero into the runtime's framework, keeping typed errors as they are. */
export function asZeroRecordError(error: unknown, wrap: (cause: unknown) => ZeroRecordError): ZeroRecordError {
  return error instanceof ZeroRecordError ? error : wrap(error);
}

/** Ruby's `inspect` for the values that appear in messages: strings quoted, numbers bare. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'nil';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
