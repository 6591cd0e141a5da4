import { ESLint, RuleTester } from 'eslint';
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
      // A file that uses the model: every reference is renamed with the import, so the suggestion leaves nothing unbound.
      code: [
        "import { ReactiveJob, type Job } from '$lib/models/job.reactive';",
        'export const open = ReactiveJob.where({ status: "open" });',
        'export async function load(id: string): Promise<Job> { return ReactiveJob.find(id); }',
        'export const models = { ReactiveJob };',
        'type Model = typeof ReactiveJob;',
      ].join('\n'),
      filename: 'src/lib/api.ts',
      errors: [
        {
          messageId: 'reactiveOutsideSvelte',
          suggestions: [
            {
              messageId: 'useActive',
              output: [
                'import { ActiveJob, type Job } from "$lib/models/job.active";',
                'export const open = ActiveJob.where({ status: "open" });',
                'export async function load(id: string): Promise<Job> { return ActiveJob.find(id); }',
                'export const models = { ReactiveJob: ActiveJob };',
                'type Model = typeof ActiveJob;',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      code: "import { ReactiveJob as Jobs, type Job } from './job.reactive.ts';\nJobs.where({});",
      filename: 'src/lib/server/load.ts',
      errors: [{ messageId: 'reactiveOutsideSvelte', suggestions: [{ messageId: 'useActive', output: 'import { ActiveJob as Jobs, type Job } from "./job.active.ts";\nJobs.where({});' }] }],
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
    for (const block of plugin.configs.recommended) {
      expect(block.plugins?.['zero-record']).toBe(plugin);
      expect(block.rules).toEqual({ 'zero-record/no-reactive-outside-svelte': 'error' });
    }
  });

  it('lints .ts, .js and .svelte files with nothing but the recommended config', async () => {
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended] });
    const uses = "import { ReactiveJob } from '$lib/models/job.reactive';\nexport const jobs = ReactiveJob.all();\n";
    const [ts, js, svelte] = await Promise.all([
      eslint.lintText(`${uses}export type Id = string;\n`, { filePath: 'src/lib/jobs.ts' }),
      eslint.lintText(uses, { filePath: 'src/lib/jobs.js' }),
      eslint.lintText(`<script lang="ts">\n  ${uses.replace(/\n/g, '\n  ')}let id: string = '';\n</script>\n{#each jobs as j (j.id)}<p>{j.title}</p>{/each}\n`, { filePath: 'src/routes/+page.svelte' }),
    ]);
    expect(ts[0]!.messages.map((m) => m.ruleId)).toEqual(['zero-record/no-reactive-outside-svelte']);
    expect(js[0]!.messages.map((m) => m.ruleId)).toEqual(['zero-record/no-reactive-outside-svelte']);
    expect(svelte[0]!.messages).toEqual([]);
  });
});
