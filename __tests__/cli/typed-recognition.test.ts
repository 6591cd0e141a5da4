/**
 * Recognition by type, end to end: `zero-record migrate` on a copy of __testfixtures__/typed-app, whose legacy
 * handles reach their users in ten unusual ways. Each planted site must come out converted or reported (never
 * left silently), and the JSON summary must account for every legacy use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import { verifyOutput } from '../../codemods/verify.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { captureIO, linkDependencies, makeProject, treeHashes } from './project.ts';

const APP = join(import.meta.dirname, '../../__testfixtures__/typed-app');

function appFiles(dir = APP, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) appFiles(abs, out);
    else out[relative(APP, abs)] = readFileSync(abs, 'utf8');
  }
  return out;
}

async function run(root: string, ...argv: string[]) {
  const io = captureIO(root);
  const code = await migrate(argv, io);
  return { code, out: io.out(), err: io.err() };
}

type Outcome = 'converted' | 'reported';

/** One planted site: the file, a line of it that holds the legacy use, and what must become of it. */
const SITES: { place: string; file: string; snippet: string; expected: Outcome }[] = [
  { place: 'context', file: 'src/routes/+page.svelte', snippet: 'const jobsQuery = Job.all();', expected: 'converted' },
  { place: 'barrel', file: 'src/lib/components/JobTitle.svelte', snippet: 'const jobQuery = $derived(Job.find(jobId));', expected: 'converted' },
  { place: 'prop (passed)', file: 'src/routes/jobs/+page.svelte', snippet: '<JobPanel query={firstQuery} />', expected: 'reported' },
  { place: 'prop (received)', file: 'src/lib/components/JobPanel.svelte', snippet: '<h2>{query.current?.title}</h2>', expected: 'reported' },
  { place: 'store', file: 'src/routes/jobs/+page.svelte', snippet: 'layoutActions.setCurrentJob(firstQuery);', expected: 'reported' },
  { place: 'array', file: 'src/routes/debug/+page.svelte', snippet: "{ name: 'jobs', query: Job.all() },", expected: 'reported' },
  { place: 'array (read)', file: 'src/routes/debug/+page.svelte', snippet: '<p>{name}: {query.current.length}</p>', expected: 'reported' },
  { place: 'custom method', file: 'src/routes/jobs/[id].svelte', snippet: 'Job.findProgressive(jobId)', expected: 'reported' },
  { place: 're-export chain', file: 'src/lib/components/ChainTitle.svelte', snippet: 'LegacyJob.find(jobId)', expected: 'converted' },
  { place: 'aliased destructuring', file: 'src/lib/components/AliasedTitle.svelte', snippet: 'JobModel.find(jobId)', expected: 'converted' },
  { place: '$: statement', file: 'src/lib/components/Svelte4Title.svelte', snippet: '$: job = jobQuery.current || jobQuery.value || initialJob;', expected: 'reported' },
  { place: 'template-only use', file: 'src/lib/components/TemplateOnly.svelte', snippet: '{#each Job.all().current as job (job.id)}', expected: 'converted' },
  // Objects holding legacy values where they enter a file, and values typed by JSDoc.
  { place: 'context kept whole', file: 'src/lib/components/WholeContext.svelte', snippet: 'const ctx = getZeroContext();', expected: 'reported' },
  { place: 'context made in the layout', file: 'src/routes/+layout.svelte', snippet: "createZeroContext('u-1');", expected: 'reported' },
  { place: 'default import of a query made at module scope', file: 'src/lib/components/TeamCount.svelte', snippet: "import team from '$lib/queries/team.svelte';", expected: 'reported' },
  { place: 'JSDoc @param', file: 'src/lib/services/stats.js', snippet: '@param {ReactiveQuery<{ title: string }>} query', expected: 'reported' },
  { place: 'JSDoc @type', file: 'src/lib/services/stats.js', snippet: "/** @type {ReactiveQuery<import('$lib/zero').Job>} */", expected: 'reported' },
  { place: 'JSDoc @type of a handle that converts', file: 'src/lib/components/DraftCount.svelte', snippet: "/** @type {ReactiveQuery<import('$lib/zero').Job>} */", expected: 'converted' },
  { place: 'JSDoc type naming an import the rewrite removes', file: 'src/lib/components/DraftTitles.svelte', snippet: "@param {ReactiveQuery<import('$lib/zero').Job>} query", expected: 'reported' },
];

describe('type-directed recognition: unusual places', { timeout: 180_000 }, () => {
  const files = appFiles();
  let root: string;
  let report: JsonReport;
  let second: JsonReport;

  beforeAll(async () => {
    root = makeProject(files);
    const first = await run(root, '--json');
    expect(first.code, first.err).toBe(0);
    report = JSON.parse(first.out) as JsonReport;
    const again = await run(root, '--json', '--force');
    expect(again.code, again.err).toBe(0);
    second = JSON.parse(again.out) as JsonReport;
  }, 180_000);

  it('recognises by type and accounts for every legacy use', () => {
    expect(report.legacyUses.recognition).toBe('type-directed');
    expect(report.legacyUses.unaccounted).toBe(0);
    expect(report.legacyUses.converted + report.legacyUses.reported).toBe(report.legacyUses.total);
    expect(report.legacyUses.converted).toBeGreaterThanOrEqual(SITES.filter((s) => s.expected === 'converted').length);
    expect(report.summary.error).toBe(0);
  });

  for (const site of SITES) {
    it(`${site.place}: ${site.expected}`, () => {
      const before = files[site.file]!;
      const line = before.slice(0, before.indexOf(site.snippet)).split('\n').length;
      expect(before.includes(site.snippet), `fixture lacks ${site.snippet}`).toBe(true);
      const after = readFileSync(join(root, site.file), 'utf8');
      const listed = report.files.find((f) => f.path === site.file)!.diagnostics.filter((d) => d.line === line);
      const outcome: Outcome | 'missed' = listed.length ? 'reported' : after.includes(site.snippet) ? 'missed' : 'converted';
      expect(outcome, `${site.file}:${line} ${listed.map((d) => d.message).join('; ')}`).toBe(site.expected);
      if (after !== before) expect(verifyOutput(site.file, after), site.file).toBeNull();
    });
  }

  it('takes converted names out of the context destructuring, and drops a destructuring left empty', () => {
    expect(readFileSync(join(root, 'src/routes/+page.svelte'), 'utf8')).toContain('const { userId } = getZeroContext();');
    const aliased = readFileSync(join(root, 'src/lib/components/AliasedTitle.svelte'), 'utf8');
    expect(aliased).not.toContain('getZeroContext');
    expect(aliased).toContain("import { ReactiveJob } from '$lib/models/job.reactive';");
    // `Job` still builds the handle that goes to the store and the prop: it stays; the converted mutator leaves.
    const jobs = readFileSync(join(root, 'src/routes/jobs/+page.svelte'), 'utf8');
    expect(jobs).toContain('const { Job } = getZeroContext();');
    expect(jobs).toContain("await ReactiveJob.update(id, { status: 'done' });"); // a { success } mutator: Rails' non-raising update
  });

  it('keeps a mutator whose result object is read, and says how errors surface on the model write', () => {
    const page = report.files.find((f) => f.path === 'src/routes/jobs/[id].svelte')!;
    expect(page.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('ReactiveJob.update() resolves to the record, with its messages in record.errors when a validation failed'));
    expect(readFileSync(join(root, 'src/routes/jobs/[id].svelte'), 'utf8')).toContain('await updateJob(jobId, { title })');
  });

  it('names a custom method where its call is reported', () => {
    const page = report.files.find((f) => f.path === 'src/routes/jobs/[id].svelte')!;
    expect(page.diagnostics.find((d) => d.line === 5)?.message).toContain('Job.findProgressive');
  });

  it('counts no context destructured for its plain values only', () => {
    const whole = report.files.find((f) => f.path === 'src/lib/components/WholeContext.svelte')!;
    expect(files['src/lib/components/WholeContext.svelte']!.split('\n')[4]).toContain('const { userId } = getZeroContext();');
    expect(whole.diagnostics.map((d) => d.line)).not.toContain(5);
  });

  it('leaves a file as it is when a JSDoc type would outlive the import it names', () => {
    const titles = report.files.find((f) => f.path === 'src/lib/components/DraftTitles.svelte')!;
    expect(titles.diagnostics[0]!.message).toMatch(/withdrawn, left as it is: the type `ReactiveQuery<import\('\$lib\/zero'\)\.Job>` would stay as written while the rewrite removes what it names/);
    expect(readFileSync(join(root, 'src/lib/components/DraftTitles.svelte'), 'utf8')).toBe(files['src/lib/components/DraftTitles.svelte']);
  });

  it('leaves an unrelated getContext, .data and refresh() alone, unreported', () => {
    const theme = report.files.find((f) => f.path === 'src/lib/components/Theme.svelte')!;
    expect(theme.status).toBe('unchanged');
    expect(theme.diagnostics).toEqual([]);
  });

  it('a second run writes nothing and still accounts for what is left', () => {
    expect(second.summary.written).toBe(0);
    expect(second.legacyUses.unaccounted).toBe(0);
    expect(second.legacyUses.converted).toBe(0);
    expect(second.legacyUses.reported).toBe(second.legacyUses.total);
  });

  it('says when the syntactic path ran alone, and why', async () => {
    const plain = makeProject({ 'src/lib/components/JobTitle.svelte': files['src/lib/components/JobTitle.svelte']! });
    const before = treeHashes(plain);
    const { code, out } = await run(plain, '--dry', '--json');
    expect(code).toBe(0);
    expect(treeHashes(plain)).toEqual(before);
    const uses = (JSON.parse(out) as JsonReport).legacyUses;
    expect(uses.recognition).toBe('syntactic');
    expect(uses.note).toContain('no legacy class or model module was found');
    expect(uses.note).toMatch(/installed as a copy under node_modules is not read: link it/);
  });
});

describe('the type check of the output (the default; --no-verify-types skips it)', { timeout: 180_000 }, () => {
  let root: string;

  beforeAll(() => {
    const repo = join(import.meta.dirname, '../..');
    const example = join(repo, 'examples/legacy-app');
    const files: Record<string, string> = { '.gitignore': 'node_modules\n' };
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const abs = join(dir, name);
        if (statSync(abs).isDirectory()) walk(abs);
        else files[relative(example, abs)] = readFileSync(abs, 'utf8');
      }
    };
    walk(join(example, 'src'));
    // The example app's tsconfig, with the toolkit's runtime at its absolute path (the copy lives elsewhere).
    const tsconfig = JSON.parse(readFileSync(join(example, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    tsconfig.compilerOptions.paths['zero-record'] = [join(repo, 'runtime/index.ts')];
    tsconfig.compilerOptions.paths['zero-record/reactive'] = [join(repo, 'runtime/reactive/index.svelte.ts')];
    files['tsconfig.json'] = JSON.stringify(tsconfig);
    // `jobsQuery.current` held Zero's rows, so a row could be found in it; its migrated form holds records, and a
    // plain row is not one (at run time, never found).
    files['src/lib/components/JobTitles.svelte'] = [
      '<script lang="ts">',
      "  import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';",
      "  import { getZero } from '$lib/zero/client';",
      "  import type { Job } from '$lib/zero/job.generated';",
      '',
      '  let { job }: { job: Job } = $props();',
      '  const jobsQuery = new ReactiveQuery<Job>(() => getZero()?.query.jobs, []);',
      '  const listed = $derived(jobsQuery.current.includes(job));',
      '</script>',
      '',
      '<p>{listed}</p>',
      '',
    ].join('\n');
    root = makeProject(files);
    // Installed, as an app is: Zero's types are what the generated models' rows come from.
    linkDependencies(root);
  });

  it('leaves a file that would gain a type error as it is, and lists the error', async () => {
    const target = join(root, 'src/lib/components/JobTitles.svelte');
    const plain = JSON.parse((await run(root, target, '--dry', '--json', '--no-verify-types')).out) as JsonReport;
    expect(plain.files[0]!.status).toBe('changed');
    const checked = await run(root, target, '--dry', '--json');
    expect(checked.code, checked.err).toBe(0);
    const file = (JSON.parse(checked.out) as JsonReport).files[0]!;
    expect(file.status).toBe('manual');
    expect(file.diagnostics[0]!.message).toMatch(/type check: the migrated file would gain 1 type error \(line \d+ of the migrated file: .*Argument of type 'Job' is not assignable to parameter of type.*\); left as it is \(--no-verify-types converts it anyway\)/);
  });

  it('refuses to be both on and off', async () => {
    const both = await run(root, '--dry', '--verify-types', '--no-verify-types');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--verify-types and --no-verify-types contradict each other');
  });

  it('keeps every other conversion of the example app: its rows are typed by its Zero schema, as its own check types them', async () => {
    const changed = (report: JsonReport) => report.files.filter((f) => f.status === 'changed').map((f) => f.path);
    const plain = changed(JSON.parse((await run(root, '--dry', '--json', '--no-verify-types')).out) as JsonReport);
    const checked = await run(root, '--dry', '--json', '--verify-types');
    expect(checked.code, checked.err).toBe(0);
    expect(plain.length).toBeGreaterThanOrEqual(10);
    expect(changed(JSON.parse(checked.out) as JsonReport)).toEqual(plain.filter((path) => path !== 'src/lib/components/JobTitles.svelte'));
  });
});

describe('the project of the paths given', { timeout: 180_000 }, () => {
  it('run from a parent folder with the app as path, builds the app\'s program and finds what a run inside finds', async () => {
    const root = makeProject(appFiles());
    const inside = await run(root, '--dry', '--json');
    const io = captureIO(dirname(root));
    expect(await migrate(['--dry', '--json', basename(root)], io), io.err()).toBe(0);
    const fromParent = JSON.parse(io.out()) as JsonReport;
    const expected = (JSON.parse(inside.out) as JsonReport).legacyUses;
    expect(expected.total).toBeGreaterThan(SITES.length);
    expect(fromParent.legacyUses).toEqual(expected);
  });
});
