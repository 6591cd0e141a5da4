// Where the app under test lives: the example itself, or a copy a harness points at.
import path from 'node:path';
import { readdirSync } from 'node:fs';

export const appDir = path.resolve(process.env.LEGACY_APP_DIR ?? 'examples/legacy-app');

export function filesUnder(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found.sort();
}
