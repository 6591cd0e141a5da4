import { readFileSync } from 'node:fs';

/** The file as text, or null when its bytes are not valid UTF-8 (such a file is never rewritten). */
export function readUtf8(path: string): string | null {
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : null;
}
