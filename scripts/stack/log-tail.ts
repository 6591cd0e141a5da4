import { existsSync, readFileSync } from 'node:fs';

/** The last lines of a process log, for error messages that must say why a start failed. */
export function logTail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no log written)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
