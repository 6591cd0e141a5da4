import type { ESLint, Linter } from 'eslint';
import { noReactiveOutsideSvelte } from './no-reactive-outside-svelte.ts';

/**
 * zero-record's ESLint plugin (flat config): the rule `no-reactive-outside-svelte` keeps `Reactive<Model>` imports in Svelte code.
 * @example
 * // eslint.config.js
 * import zeroRecord from 'zero-record/eslint-plugin';
 * export default [zeroRecord.configs.recommended];
 */
const plugin = {
  meta: { name: 'zero-record', version: '0.1.0' },
  rules: { 'no-reactive-outside-svelte': noReactiveOutsideSvelte },
  configs: {} as Record<string, Linter.Config>,
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: 'zero-record/recommended',
  plugins: { 'zero-record': plugin },
  rules: { 'zero-record/no-reactive-outside-svelte': 'error' },
};

export default plugin;
