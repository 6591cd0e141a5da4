/** A legacy app written to a temp folder for the type-directed recognition tests, and what recognition finds in it. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_CONFIG } from '../../codemods/config.ts';
import { recognise, type Recognition } from '../../codemods/typed/recognise.ts';

/** A temp folder holding the legacy modules `layer` at src/lib/zero, then `files` (path -> text). */
export function writeLegacyApp(prefix: string, layer: string, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(layer, join(root, 'src/lib/zero'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The recognition of every file under `root`'s src/, as `migrate` runs it. */
export function recogniseApp(root: string): Recognition {
  const recognition = recognise({ root, files: projectFiles(root), config: DEFAULT_CONFIG, text: (rel) => readFileSync(join(root, rel), 'utf8') });
  if (!recognition) throw new Error('TypeScript is a devDependency of this package: recognition must run');
  return recognition;
}

function projectFiles(root: string, dir = join(root, 'src'), out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) projectFiles(root, abs, out);
    else out.push(relative(root, abs));
  }
  return out;
}
