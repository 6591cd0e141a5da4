/**
 * zero-record's ESLint plugin (flat config).
 * @example
 * // eslint.config.js
 * import zeroRecord from 'zero-record/eslint-plugin';
 * export default [zeroRecord.configs.recommended];
 */
import type { ESLint, Linter } from 'eslint';
import { noReactiveOutsideSvelte } from './no-reactive-outside-svelte.ts';

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
