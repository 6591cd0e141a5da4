/** `--import` this in a child process (after tsx) to run our sources as they ship; see source-hooks.ts. */
import { register } from 'node:module';

register(new URL('./source-hooks.ts', import.meta.url));
