// A tiny mutable ref (React-style `ref.current`) for DOM elements bound in components.
export interface Ref<T> {
  current: T | null;
}

export function createRef<T>(): Ref<T> {
  return { current: null };
}
