import { RuleTester } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/index.ts';
import { activeSpecifier, noReactiveOutsideSvelte } from '../../eslint-plugin/no-reactive-outside-svelte.ts';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' } });
const message = (specifier: string, active: string) =>
  `'${specifier}' is a Svelte 5 (runes) model: import it only in .svelte or .svelte.ts files. Here use the plain TypeScript model from '${active}' (Active<Model>, async finders).`;

describe('activeSpecifier', () => {
  it('maps every spelling of a reactive model module to the active one', () => {
    expect(activeSpecifier('$lib/models/job.reactive')).toBe('$lib/models/job.active');
    expect(activeSpecifier('./job.reactive.ts')).toBe('./job.active.ts');
    expect(activeSpecifier('./job.reactive.js')).toBe('./job.active.js');
    expect(activeSpecifier('./job.reactive.svelte.ts')).toBe('./job.active.ts');
    expect(activeSpecifier('./reactive-helpers')).toBeNull();
    expect(activeSpecifier('zero-record/reactive')).toBeNull();
  });
});

tester.run('no-reactive-outside-svelte', noReactiveOutsideSvelte, {
  valid: [
    { code: "import { ReactiveJob } from '$lib/models/job.reactive';", filename: 'src/routes/+page.svelte' },
    { code: "import { ReactiveJob } from '$lib/models/job.reactive';", filename: 'src/lib/jobs.svelte.ts' },
    { code: "export * from './job.reactive.ts';", filename: 'src/lib/stores.svelte.js' },
    { code: "import type { Job } from '$lib/models/job.reactive';", filename: 'src/lib/api.ts' },
    { code: "import { type Job, type ReactiveJob } from '$lib/models/job.reactive';", filename: 'src/lib/api.ts' },
    { code: "export type { Job } from './job.reactive.ts';", filename: 'src/lib/index.ts' },
    { code: "type T = typeof import('./job.reactive.ts');", filename: 'src/lib/types.ts' },
    { code: "import { ActiveJob } from '$lib/models/job.active';", filename: 'src/lib/api.ts' },
    { code: "import { ReactiveRecord } from 'zero-record/reactive';", filename: 'src/lib/models/job.reactive.ts' },
  ],
  invalid: [
    {
      code: "import { ReactiveJob } from '$lib/models/job.reactive';",
      filename: 'src/lib/api.ts',
      errors: [
        {
          message: message('$lib/models/job.reactive', '$lib/models/job.active'),
          suggestions: [{ messageId: 'useActive', output: 'import { ActiveJob } from "$lib/models/job.active";' }],
        },
      ],
    },
    {
      code: "import { ReactiveJob as Jobs, type Job } from './job.reactive.ts';",
      filename: 'src/lib/server/load.ts',
      errors: [{ messageId: 'reactiveOutsideSvelte', suggestions: [{ messageId: 'useActive', output: 'import { ActiveJob as Jobs, type Job } from "./job.active.ts";' }] }],
    },
    {
      code: "const m = await import('./job.reactive.ts');",
      filename: 'src/lib/lazy.ts',
      errors: [{ messageId: 'reactiveOutsideSvelte', suggestions: [{ messageId: 'useActive', output: 'const m = await import("./job.active.ts");' }] }],
    },
    {
      code: "export { ReactiveJob } from './job.reactive.ts';",
      filename: 'src/lib/models/index.ts',
      errors: [{ messageId: 'reactiveOutsideSvelte', suggestions: [{ messageId: 'useActive', output: 'export { ActiveJob } from "./job.active.ts";' }] }],
    },
    {
      code: "export * from './job.reactive.ts';",
      filename: 'src/lib/models/index.ts',
      errors: [{ messageId: 'reactiveOutsideSvelte', suggestions: [{ messageId: 'useActive', output: 'export * from "./job.active.ts";' }] }],
    },
    {
      code: "import './job.reactive.ts';",
      filename: 'src/lib/side-effects.js',
      errors: [{ messageId: 'reactiveOutsideSvelte', suggestions: [{ messageId: 'useActive', output: 'import "./job.active.ts";' }] }],
    },
  ],
});

describe('the plugin', () => {
  it('ships a flat-config recommended preset that turns the rule on as an error', () => {
    const recommended = plugin.configs.recommended!;
    expect(recommended.plugins?.['zero-record']).toBe(plugin);
    expect(recommended.rules).toEqual({ 'zero-record/no-reactive-outside-svelte': 'error' });
  });
});
