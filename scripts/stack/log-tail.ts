import { existsSync, readFileSync } from 'node:fs';

/** Words a process uses on the line that says why it stopped. */
const CAUSE = /error|fatal|EADDRINUSE|refused|denied/i;

/**
 * The lines of a process log that say why a start failed: the first few that name an error, wherever they are, then
 * the last lines. A process that logs its shutdown at length (zero-cache writes six lines per message) would otherwise
 * leave only the shutdown in the tail.
 */
export function logTail(file: string, lines = 30): string {
  if (!existsSync(file)) return '(no log written)';
  const all = readFileSync(file, 'utf8').trimEnd().split('\n');
  const tail = all.slice(-lines);
  const causes = all.slice(0, -lines).filter((line) => CAUSE.test(line)).slice(0, 10);
  return causes.length > 0 ? [...causes, '...', ...tail].join('\n') : tail.join('\n');
}
