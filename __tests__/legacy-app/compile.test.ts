import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile, compileModule } from 'svelte/compiler';
import { appDir, filesUnder } from './app-dir.ts';

const components = filesUnder(path.join(appDir, 'src'), '.svelte');
const runeModules = filesUnder(path.join(appDir, 'src'), '.svelte.ts');

describe('every component of the app compiles', () => {
  test('the app has at least 12 components', () => {
    expect(components.length).toBeGreaterThanOrEqual(12);
  });

  test.each(components.map((file) => [path.relative(appDir, file), file]))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const generate of ['client', 'server'] as const) {
      // compile() throws on any error; warnings (e.g. state_referenced_locally in legacy code) are allowed.
      const { js } = compile(source, { filename: file, generate });
      expect(js.code).toContain('export default function');
    }
  });
});

describe('every rune module of the app compiles', () => {
  test.each(runeModules.map((file) => [path.relative(appDir, file), file]))('%s', async (_name, file) => {
    // compileModule takes JavaScript: strip the types first, as the bundler does.
    const { transformWithOxc } = await import('vite');
    const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
    const { js } = compileModule(code, { filename: file, generate: 'client' });
    expect(js.code).not.toContain('$state(');
  });
});
