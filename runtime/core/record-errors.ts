/**
 * A record's validation errors: Rails' `ActiveModel::Errors`, shared by both flavours. Filled by `valid_p`, `save`,
 * `update` and `create` (client-side validations, or a server's `RecordInvalidError`), emptied by the next validation.
 */
import { fullMessage, type ErrorDetail, type ValidationErrorDetails, type ValidationErrors } from './errors.ts';

/**
 * How a record's state tells readers it changed. ActiveRecord records need nothing (`NO_SIGNAL`); reactive records
 * pass one backed by a Svelte subscriber, so an effect that read `job.errors` re-runs when they change.
 */
export interface ChangeSignal {
  /** Called by every read; inside an effect it makes the effect depend on this state. */
  read(): void;
  /** Called after every change. */
  notify(): void;
}

/** The signal of records nothing observes (ActiveRecord). */
export const NO_SIGNAL: ChangeSignal = Object.freeze({ read() {}, notify() {} });

/**
 * Rails' `record.errors`. `get('title')` is Rails' `errors[:title]` (the messages, `[]` when none).
 * @example
 * if (!(await job.save())) job.errors.full_messages(); // ["Title can't be blank"]
 * job.errors.get('title');                              // ["can't be blank"]
 */
export class Errors {
  /** attribute -> its errors, each a message with its Rails details, in the order they were added. */
  readonly #errors = new Map<string, Entry[]>();
  readonly #signal: ChangeSignal;

  constructor(signal: ChangeSignal = NO_SIGNAL) {
    this.#signal = signal;
  }

  #entries(attribute: string): readonly Entry[] {
    this.#signal.read();
    return this.#errors.get(attribute) ?? [];
  }

  /** Rails' `errors[:title]`: the messages of one attribute (`base` for the record as a whole); `[]` when it has none. */
  get(attribute: string): readonly string[] {
    return this.#entries(attribute).map((entry) => entry.message);
  }

  /**
   * Rails' `errors.add(:title, "message", **options)`: the message as given (a type such as `'blank'` is not looked up, as
   * JavaScript has no Symbol for it). `details()` records the message as its type, with `options`; `options.error`
   * names a type instead, as Rails' `errors.add(:title, :blank)` would record it.
   * @example job.errors.add('title', "can't be blank", { error: 'blank' }); // details: { title: [{ error: 'blank' }] }
   */
  add(attribute: string, message: string, options: Readonly<Record<string, unknown>> = {}): void {
    const entry = { message, detail: { ...options, error: typeof options.error === 'string' ? options.error : message } };
    const entries = this.#errors.get(attribute);
    if (entries) entries.push(entry);
    else this.#errors.set(attribute, [entry]);
    this.#signal.notify();
  }

  /**
   * Rails' `errors.added?`: whether this message was added to the attribute, or an error of this type (`'blank'`,
   * `'too_short'`) with exactly these options (`{ count: 3 }`; a format error's `value` is one of them, as in Rails).
   */
  added_p(attribute: string, type: string, options: Readonly<Record<string, unknown>> = {}): boolean {
    return this.#entries(attribute).some(({ message, detail }) => message === type || (detail.error === type && sameOptions(detail, options)));
  }

  /** Rails' `errors.of_kind?`: whether the attribute has an error of this type (any options), or this message. */
  of_kind_p(attribute: string, type = 'invalid'): boolean {
    return this.#entries(attribute).some(({ message, detail }) => message === type || detail.error === type);
  }

  /** Rails' `errors.include?(:title)`: whether the attribute has any error. */
  include_p(attribute: string): boolean {
    return this.#entries(attribute).length > 0;
  }

  /** Rails' `errors.delete(:title)`: removes and returns the attribute's messages. */
  delete(attribute: string): readonly string[] {
    const messages = this.get(attribute);
    if (this.#errors.delete(attribute)) this.#signal.notify();
    return messages;
  }

  /** Rails' `errors.clear`. */
  clear(): void {
    if (this.#errors.size === 0) return;
    this.#errors.clear();
    this.#signal.notify();
  }

  /** Rails' `errors.full_messages`: `"Title can't be blank"` (the humanized attribute, then the message; `base` alone). */
  full_messages(): string[] {
    return this.attribute_names().flatMap((attribute) => this.full_messages_for(attribute));
  }

  /** Rails' `errors.full_message(:title, "can't be blank")`: `"Title can't be blank"` (`base`: the message alone). */
  full_message(attribute: string, message: string): string {
    return fullMessage(attribute, message);
  }

  /** Rails' `errors.full_messages_for(:title)`. */
  full_messages_for(attribute: string): string[] {
    return this.get(attribute).map((message) => fullMessage(attribute, message));
  }

  /** Rails' `errors.attribute_names`: the attributes with errors, in the order they were added. */
  attribute_names(): string[] {
    this.#signal.read();
    return [...this.#errors.keys()];
  }

  /** Rails' `errors.to_hash` (also `messages`): attribute -> messages. */
  to_hash(): Record<string, string[]> {
    this.#signal.read();
    return Object.fromEntries([...this.#errors].map(([attribute, entries]) => [attribute, entries.map((entry) => entry.message)]));
  }

  /**
   * Rails' `errors.details`: attribute -> each error's type and options, as Rails' validators record them.
   * @example job.errors.details(); // { title: [{ error: 'blank' }, { error: 'too_short', count: 3 }] }
   */
  details(): Record<string, ErrorDetail[]> {
    this.#signal.read();
    return Object.fromEntries([...this.#errors].map(([attribute, entries]) => [attribute, entries.map((entry) => ({ ...entry.detail }))]));
  }

  /** Rails' `errors.count` (also `size`): the number of messages. */
  count(): number {
    this.#signal.read();
    let count = 0;
    for (const entries of this.#errors.values()) count += entries.length;
    return count;
  }

  /** Rails' `errors.size`. */
  size(): number {
    return this.count();
  }

  /** Rails' `errors.empty?`. */
  empty_p(): boolean {
    return this.count() === 0;
  }

  /** Rails' `errors.any?`. */
  any_p(): boolean {
    return this.count() > 0;
  }

  /**
   * Replaces every error with `errors` (attribute -> messages) and their `details` (one per message, as validations and
   * `RecordInvalidError.errorDetails` give them), notifying readers once.
   */
  replace(errors: ValidationErrors, details: ValidationErrorDetails): void {
    if (this.#errors.size === 0 && Object.keys(errors).length === 0) return;
    this.#errors.clear();
    for (const [attribute, messages] of Object.entries(errors)) {
      if (messages.length > 0) this.#errors.set(attribute, messages.map((message, i) => ({ message, detail: details[attribute]![i]! })));
    }
    this.#signal.notify();
  }

  /** The full messages, as Rails' `errors.inspect` would list them. */
  toJSON(): Record<string, string[]> {
    return this.to_hash();
  }
}

/** One error: its message and its Rails details. */
interface Entry {
  readonly message: string;
  readonly detail: ErrorDetail;
}

/** Whether a detail's options (all but its type) are exactly `options`, as Rails' `added?` compares them. */
function sameOptions(detail: ErrorDetail, options: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(detail).filter((key) => key !== 'error');
  return keys.length === Object.keys(options).length && keys.every((key) => Object.is(detail[key], options[key]));
}
