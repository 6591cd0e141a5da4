/** A changed file must still be valid: `svelte/compiler` compile for .svelte, the TypeScript parser for scripts. */
import { compile } from 'svelte/compiler';
import { parse } from '@babel/parser';
import { parserFor } from './context.ts';

/** Null when `text` compiles/parses, else the compiler's message. */
export function verifyOutput(path: string, text: string): string | null {
  try {
    if (path.endsWith('.svelte')) compile(text, { filename: path, generate: 'client' });
    else parse(text, { sourceType: 'module', plugins: parserFor(path) === 'tsx' ? ['typescript', 'jsx'] : ['typescript'] });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}
