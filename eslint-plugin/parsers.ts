/**
 * The parsers the recommended config needs, loaded if the app has them: `@typescript-eslint/parser` for .ts / .js and
 * `svelte-eslint-parser` for .svelte. They are optional peers of `zero-record` (apps that lint already have them through
 * typescript-eslint / eslint-plugin-svelte; apps that do not lint install nothing). A missing one becomes a parser that
 * fails every file it is given with what to install, instead of ESLint's default parser choking on TypeScript.
 */
import type { Linter } from 'eslint';

/**
 * What linting a file reports when the recommended config needs a parser the app has not installed.
 * @example
 * // src/routes/+page.svelte: "zero-record/eslint-plugin: linting .svelte files needs svelte-eslint-parser; install it ..."
 */
export class MissingParserError extends Error {
  constructor(parser: string, files: string) {
    super(`zero-record/eslint-plugin: linting ${files} needs ${parser}; install it (npm install -D ${parser}) or drop zero-record's recommended config for those files`);
    this.name = 'MissingParserError';
  }
}

function missing(parser: string, files: string): Linter.Parser {
  return {
    meta: { name: `missing ${parser}` },
    parseForESLint() {
      throw new MissingParserError(parser, files);
    },
  };
}

async function load(parser: string, files: string): Promise<Linter.Parser> {
  try {
    // ESM parsers export parse / parseForESLint by name; a CommonJS one arrives as `default`.
    const module = (await import(parser)) as { parse?: unknown; parseForESLint?: unknown; default?: Linter.Parser };
    return module.parseForESLint || module.parse ? (module as Linter.Parser) : (module.default ?? missing(parser, files));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return missing(parser, files);
    throw error;
  }
}

export const typescriptParser = await load('@typescript-eslint/parser', '.ts / .js files');
export const svelteParser = await load('svelte-eslint-parser', '.svelte files');
