/**
 * Every `__testfixtures__/<transform>.<case>.input.<ext>` goes through the full per-file plan (the same one the
 * CLI runs). With an `.output.<ext>` the result must equal it byte for byte; without one the file must come out
 * byte-identical. `.diagnostics.json` lists the reports expected (line + message fragment); without it, none.
 * Each migrated output must plan again to itself (idempotence).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFile } from '../../codemods/index.ts';

const DIR = join(import.meta.dirname, '../../__testfixtures__');
const INPUT = /^([\w-]+)\.([\w-]+)\.input\.(.+)$/;

const cases = readdirSync(DIR)
  .map((file) => INPUT.exec(file))
  .filter((m): m is RegExpExecArray => m !== null)
  .map(([file, transform, name, ext]) => ({ file: file!, transform: transform!, name: name!, ext: ext! }));

describe('codemod fixtures', () => {
  it('finds fixtures for every transform', () => {
    const transforms = new Set(cases.map((c) => c.transform));
    for (const t of ['zql-chain', 'query-handles', 'handle-reads', 'destroy-calls', 'imports', 'model-writes']) expect(transforms).toContain(t);
  });

  for (const { file, transform, name, ext } of cases) {
    it(`${transform}: ${name} (.${ext})`, () => {
      const input = readFileSync(join(DIR, file), 'utf8');
      const outputFile = join(DIR, `${transform}.${name}.output.${ext}`);
      const diagnosticsFile = join(DIR, `${transform}.${name}.diagnostics.json`);
      const expected = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : input;
      const expectedDiagnostics = existsSync(diagnosticsFile) ? (JSON.parse(readFileSync(diagnosticsFile, 'utf8')) as { line: number; message: string }[]) : [];
      // A path that is not a legacy definition module; the extension picks parser and flavour. Components compile in
      // runes mode, as `npx sv create` configures an app; a Svelte 4 one still compiles only in legacy mode.
      const path = `src/lib/${name}.${ext}`;
      const plan = planFile(path, input, { runes: { [path]: true } });

      expect(plan.after).toBe(expected);
      expect(plan.diagnostics.map((d) => d.line)).toEqual(expectedDiagnostics.map((d) => d.line));
      for (const [i, d] of expectedDiagnostics.entries()) expect(plan.diagnostics[i]!.message).toContain(d.message);
      expect(plan.status).toBe(expectedDiagnostics.length ? 'manual' : expected === input ? 'unchanged' : 'changed');

      const again = planFile(path, plan.after, { runes: { [path]: true } });
      expect(again.after).toBe(plan.after);
    });
  }
});
