import type { ESLint, Linter } from 'eslint';
import { noReactiveOutsideSvelte } from './no-reactive-outside-svelte.ts';
import { svelteParser, typescriptParser } from './parsers.ts';

export { MissingParserError } from './parsers.ts';

/** The files each block of the recommended config covers (`.svelte.ts` / `.svelte.js` are TypeScript / JavaScript). */
const SCRIPT_FILES = ['**/*.{js,mjs,cjs,ts,mts,cts}'];
const SVELTE_FILES = ['**/*.svelte'];

/**
 * zero-record's ESLint plugin (flat config): the rule `no-reactive-outside-svelte` keeps `Reactive<Model>` imports in
 * Svelte code. `configs.recommended` is a list of config blocks with `files` and parsers for .ts, .js and .svelte
 * (`@typescript-eslint/parser` and `svelte-eslint-parser`, optional peers: install them to lint those files).
 * @example
 * // eslint.config.js
 * import zeroRecord from 'zero-record/eslint-plugin';
 * export default [...zeroRecord.configs.recommended];
 */
const plugin = {
  meta: { name: 'zero-record', version: '0.1.0' },
  rules: { 'no-reactive-outside-svelte': noReactiveOutsideSvelte },
  configs: {} as { recommended: Linter.Config[] },
} satisfies ESLint.Plugin;

const rules: Linter.RulesRecord = { 'zero-record/no-reactive-outside-svelte': 'error' };

plugin.configs.recommended = [
  {
    name: 'zero-record/recommended/scripts',
    files: SCRIPT_FILES,
    plugins: { 'zero-record': plugin },
    languageOptions: { parser: typescriptParser, sourceType: 'module' },
    rules,
  },
  {
    name: 'zero-record/recommended/svelte',
    files: SVELTE_FILES,
    plugins: { 'zero-record': plugin },
    languageOptions: { parser: svelteParser, parserOptions: { parser: typescriptParser }, sourceType: 'module' },
    rules,
  },
];

export default plugin;
