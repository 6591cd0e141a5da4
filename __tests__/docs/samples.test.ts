/**
 * Code samples in README.md, MIGRATION.md and docs/ cannot rot: every ```ts block is type-checked as a module (imports
 * of `zero-record` resolve to this repo, `$lib/models/*` to the example app's generated models) and every ```svelte block
 * is compiled by svelte/compiler. A block whose info string says `nocheck` is illustration (legacy code, fragments).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { compile } from 'svelte/compiler';
import { describe, expect, test } from 'vitest';
import { ENTRY_POINTS, specifierOf } from '../../packages/zero-record/entry-points.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FILES = ['README.md', 'MIGRATION.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'api.md').map((f) => `docs/${f}`)];

interface Sample {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly code: string;
}

function samples(file: string): Sample[] {
  const found: Sample[] = [];
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S+)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, lang, rest] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^${indent}\`\`\`\\s*$`).test(lines[j]!); j++) body.push(lines[j]!.slice(indent!.length));
    if (!/\bnocheck\b/.test(rest!)) found.push({ file, line: i + 1, lang: lang!, code: body.join('\n') });
    i = j;
  }
  return found;
}

const all = FILES.flatMap(samples);
const tsSamples = all.filter((s) => s.lang === 'ts' || s.lang === 'typescript');
const svelteSamples = all.filter((s) => s.lang === 'svelte');

const PATHS: Record<string, string[]> = {
  ...Object.fromEntries(ENTRY_POINTS.map((e) => [specifierOf(e), [e.source]])),
  '$lib/zero/client': ['__tests__/docs/sample-env/zero-client.ts'],
  '$lib/*': ['examples/app/src/lib/*'],
};

function typeErrors(list: readonly Sample[]): string[] {
  const names = list.map((s, i) => join(ROOT, `__doc_sample_${i}.ts`));
  const sources = new Map(names.map((name, i) => [name, `${list[i]!.code}\nexport {};\n`]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    // SvelteKit's own declarations: its virtual modules (`$app/environment`) as an app sees them.
    types: ['node', '@sveltejs/kit'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    baseUrl: ROOT,
    paths: PATHS,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (name) => sources.get(name) ?? read(name);
  host.fileExists = (name) => sources.has(name) || exists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) =>
    sources.has(name) ? ts.createSourceFile(name, sources.get(name)!, language) : getSourceFile(name, language);
  const program = ts.createProgram(names, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && sources.has(d.file.fileName))
    .map((d) => {
      const sample = list[names.indexOf(d.file!.fileName)]!;
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${sample.file}:${sample.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

describe('documentation samples', () => {
  test('there are samples to check', () => {
    expect(tsSamples.length).toBeGreaterThan(10);
    expect(svelteSamples.length).toBeGreaterThan(0);
  });

  test('every TypeScript sample type-checks', { timeout: 120_000 }, () => {
    expect(typeErrors(tsSamples)).toEqual([]);
  });

  test.each(svelteSamples.map((s) => [`${s.file}:${s.line}`, s] as const))('svelte sample %s compiles', (_where, sample) => {
    expect(() => compile(sample.code, { filename: 'Sample.svelte', generate: 'client' })).not.toThrow();
  });
});
