/**
 * A record's validation errors: Rails' `ActiveModel::Errors`, shared by both flavours. Filled by `valid_p`, `save`,
 * `update` and `create` (client-side validations, or a server's `RecordInvalidError`), emptied by the next validation.
 */
import { fullMessage, type ValidationErrors } from './errors.ts';

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
  readonly #messages = new Map<string, string[]>();
  readonly #signal: ChangeSignal;

  constructor(signal: ChangeSignal = NO_SIGNAL) {
    this.#signal = signal;
  }

  /** Rails' `errors[:title]`: the messages of one attribute (`base` for the record as a whole); `[]` when it has none. */
  get(attribute: string): readonly string[] {
    this.#signal.read();
    return this.#messages.get(attribute) ?? [];
  }

  /** Rails' `errors.add(:title, "message")`. */
  add(attribute: string, message: string): void {
    const messages = this.#messages.get(attribute);
    if (messages) messages.push(message);
    else this.#messages.set(attribute, [message]);
    this.#signal.notify();
  }

  /** Rails' `errors.added?(:title, "can't be blank")`: whether this message was added to this attribute. */
  added_p(attribute: string, message: string): boolean {
    return this.get(attribute).includes(message);
  }

  /** Rails' `errors.include?(:title)`: whether the attribute has any error. */
  include_p(attribute: string): boolean {
    return this.get(attribute).length > 0;
  }

  /** Rails' `errors.delete(:title)`: removes and returns the attribute's messages. */
  delete(attribute: string): readonly string[] {
    const messages = this.get(attribute);
    if (this.#messages.delete(attribute)) this.#signal.notify();
    return messages;
  }

  /** Rails' `errors.clear`. */
  clear(): void {
    if (this.#messages.size === 0) return;
    this.#messages.clear();
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
    return [...this.#messages.keys()];
  }

  /** Rails' `errors.to_hash` (also `messages`): attribute -> messages. */
  to_hash(): Record<string, string[]> {
    this.#signal.read();
    return Object.fromEntries([...this.#messages].map(([attribute, messages]) => [attribute, [...messages]]));
  }

  /** Rails' `errors.count` (also `size`): the number of messages. */
  count(): number {
    this.#signal.read();
    let count = 0;
    for (const messages of this.#messages.values()) count += messages.length;
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

  /** Replaces every message with `errors` (attribute -> messages), notifying readers once. */
  replace(errors: ValidationErrors): void {
    if (this.#messages.size === 0 && Object.keys(errors).length === 0) return;
    this.#messages.clear();
    for (const [attribute, messages] of Object.entries(errors)) if (messages.length > 0) this.#messages.set(attribute, [...messages]);
    this.#signal.notify();
  }

  /** The full messages, as Rails' `errors.inspect` would list them. */
  toJSON(): Record<string, string[]> {
    return this.to_hash();
  }
}
