// Ambient types for the app: runes in .svelte.ts modules and `.svelte` imports.
/// <reference types="svelte" />
