/**
 * Temp projects for the CLI tests: real files in a real git repository (`git init` + a commit), built from the
 * codemod fixtures so the CLI sees the same code the transforms are tested on.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { CommandIO } from '../../scripts/cli/io.ts';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = join(REPO, '__testfixtures__');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A svelte.config.js as `npx sv create` writes it: the app's own components compile in runes mode. */
export const RUNES_CONFIG = `export default {
  compilerOptions: {
    runes: ({ filename }) => (filename.split(/[/\\\\]/).includes('node_modules') ? undefined : true),
  },
};
`;

/** Project path -> content. Legacy code also sits in node_modules and a git-ignored folder, which must be skipped. */
export const PROJECT_FILES: Record<string, string> = {
  '.gitignore': 'node_modules/\nignored/\n',
  'package.json': JSON.stringify({ name: 'legacy-app', private: true, type: 'module', devDependencies: { '@sveltejs/kit': '^2.0.0' } }),
  'svelte.config.js': RUNES_CONFIG,
  'src/lib/components/JobDetail.svelte': fixture('query-handles.derived-one.input.svelte'),
  'src/lib/components/TaskList.svelte': fixture('handle-reads.collection.input.svelte'),
  'src/lib/components/Board.svelte': fixture('destroy-calls.on-destroy-block.input.svelte'),
  'src/lib/components/Header.svelte': fixture('handle-reads.unrelated-current.input.svelte'),
  'src/lib/components/JobTablePage.svelte': fixture('query-handles.escapes.input.svelte'),
  'src/lib/services/titles.ts': fixture('handle-reads.async-ts.input.ts'),
  'src/routes/clients/[id]/+page.svelte': fixture('zql-chain.one-find-by.input.svelte'),
  'src/lib/zero/index.ts': fixture('imports.reexport.input.ts'),
  'node_modules/some-lib/Legacy.svelte': fixture('query-handles.derived-one.input.svelte'),
  'ignored/Legacy.svelte': fixture('query-handles.derived-one.input.svelte'),
};

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' });
}

/** Makes `root` a git repository whose one commit holds everything in it (what `.gitignore` leaves). */
export function commitAll(root: string, message = 'legacy app'): void {
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', message);
}

/** Installs this repository's dependencies into the app at `root`, as a link (its `.gitignore` must leave it out). */
export function linkDependencies(root: string, workspaces: Readonly<Record<string, string>> = {}): void {
  if (Object.keys(workspaces).length === 0) {
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    return;
  }
  // As `npm install` leaves a workspace: every dependency, and each workspace package linked by its name to its folder.
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, 'node_modules'))) symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  for (const [name, folder] of Object.entries(workspaces)) {
    const link = join(modules, name);
    rmSync(link, { force: true });
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, folder), link);
  }
}

export function makeProject(files: Record<string, string> = PROJECT_FILES): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  commitAll(root);
  return root;
}

/** sha256 of one file, or undefined when it is gone (a running migration renames its temp files away). */
function fileHash(abs: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(abs)).digest('hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * sha256 of every file under `root` (except .git and, unless asked, the toolkit's .zero-record). Safe to call while a
 * migration is writing: a file that vanishes between listing and reading is left out.
 */
export function treeHashes(root: string, withToolkitDir = false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git' || (!withToolkitDir && entry.name === '.zero-record')) continue;
      const abs = join(dir, entry.name);
      if (entry.isSymbolicLink()) out[relative(root, abs)] = `symlink -> ${readlinkSync(abs)}`;
      else if (entry.isDirectory()) walk(abs);
      else {
        const hash = fileHash(abs);
        if (hash !== undefined) out[relative(root, abs)] = hash;
      }
    }
  };
  walk(root);
  return out;
}

/** The files of `before` whose content is now different (rewritten in place; temp files and new files do not count). */
export function rewrittenFiles(root: string, before: Record<string, string>): string[] {
  return Object.keys(before).filter((path) => {
    const now = fileHash(join(root, path));
    return now !== undefined && now !== before[path];
  });
}

export interface Captured extends CommandIO {
  readonly out: () => string;
  readonly err: () => string;
}

export function captureIO(cwd: string): Captured {
  let out = '';
  let err = '';
  return {
    cwd,
    isTTY: false,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    out: () => out,
    err: () => err,
  };
}
