// Ambient types for the app: runes (`$state`) in .svelte.ts modules and `.svelte` imports.
/// <reference types="svelte" />
