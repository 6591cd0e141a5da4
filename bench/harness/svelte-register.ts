/** `--import` this in a child process to compile `*.svelte.ts` modules for the browser build of Svelte. */
import { register } from 'node:module';

register(new URL('./svelte-hooks.ts', import.meta.url));
