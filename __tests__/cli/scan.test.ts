/** What the migration looks at: real directory trees with nested .gitignore files and symlinks. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathOutsideRootError } from '../../scripts/cli/errors.ts';
import { scanFiles } from '../../scripts/cli/scan.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-scan-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('scanFiles', () => {
  const files = {
    '.gitignore': 'build/\n*.gen.ts\n',
    'src/a.ts': '',
    'src/b.svelte': '',
    'src/c.css': '',
    'src/x.gen.ts': '',
    'src/vendor/.gitignore': 'skip-me.ts\n',
    'src/vendor/skip-me.ts': '',
    'src/vendor/keep.js': '',
    'build/out.js': '',
    'node_modules/pkg/index.ts': '',
    '.zero-record/migrations/m.ts': '',
  };

  it('takes scripts and components, honouring nested .gitignore files, node_modules and the toolkit folder', () => {
    const root = tree(files);
    symlinkSync(join(root, 'src'), join(root, 'src-link'));
    expect(scanFiles(root, [], [])).toEqual(['src/a.ts', 'src/b.svelte', 'src/vendor/keep.js']);
  });

  it('narrows to paths and --only patterns (gitignore syntax)', () => {
    const root = tree(files);
    expect(scanFiles(root, ['src/vendor'], [])).toEqual(['src/vendor/keep.js']);
    expect(scanFiles(root, [join(root, 'src')], ['*.svelte'])).toEqual(['src/b.svelte']);
    expect(scanFiles(root, [], ['src/*.ts'])).toEqual(['src/a.ts']);
  });

  it('refuses paths outside the root, including through a symlink', () => {
    const root = tree(files);
    const elsewhere = tree({ 'z.ts': '' });
    symlinkSync(elsewhere, join(root, 'escape'));
    expect(() => scanFiles(root, ['..'], [])).toThrow(PathOutsideRootError);
    expect(() => scanFiles(root, [elsewhere], [])).toThrow(PathOutsideRootError);
    expect(() => scanFiles(root, ['escape'], [])).toThrow(PathOutsideRootError);
  });
});
