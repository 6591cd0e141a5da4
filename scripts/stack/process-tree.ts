// Stops a process and everything it forked, by PID. zero-cache forks workers, so killing only the
// parent with SIGKILL would leave orphans holding the ports and the replica file.
import { readFileSync, readdirSync } from 'node:fs';
import { sleep } from './sleep.ts';

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  });
}

/** `pid` followed by all its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap((child) => processTree(child))];
}

/** True while `pid` runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * SIGKILL: kills the whole tree at once. Any other signal goes to the root only (it shuts its
 * children down itself); whatever of the tree is still alive after `graceMs` is SIGKILLed.
 * Resolves once every process of the tree is gone.
 */
export async function stopProcessTree(pid: number, sig: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  const tree = processTree(pid);
  if (sig === 'SIGKILL') tree.forEach((p) => signal(p, 'SIGKILL'));
  else signal(pid, sig);
  const deadline = Date.now() + graceMs;
  while (tree.some(isAlive)) {
    if (Date.now() > deadline) {
      tree.forEach((p) => signal(p, 'SIGKILL'));
      if (Date.now() > deadline + 5_000) break;
    }
    await sleep(50);
  }
}

/** Synchronous last resort for `process.on('exit')`, where no promise can settle. */
export function killProcessTreeNow(pid: number): void {
  processTree(pid).forEach((p) => signal(p, 'SIGKILL'));
}
