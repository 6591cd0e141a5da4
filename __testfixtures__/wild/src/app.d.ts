// See https://kit.svelte.dev/docs/types#app
/// <reference types="svelte" />

declare global {
  namespace App {
    interface PageData {
      jwt?: string;
      userId?: string;
    }
  }
}

export {};
