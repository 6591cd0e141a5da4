/// <reference types="svelte" />

interface ImportMetaEnv {
  /** zero-cache URL the built app syncs with (default: a local Zero in the browser). */
  readonly VITE_ZERO_SERVER?: string;
}
