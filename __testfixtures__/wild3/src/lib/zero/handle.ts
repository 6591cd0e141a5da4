// Shared shape of what the generated model objects return.
export type ResultType = 'loading' | 'unknown' | 'complete' | 'error';

export interface ModelHandle<T> {
  readonly current: T;
  readonly value: T;
  readonly resultType: ResultType;
  readonly error: Error | null;
  destroy(): void;
}
