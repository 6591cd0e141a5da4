// The stack's processes run detached (so Ctrl-C reaches only the owner, which stops them in
// order). If the owner dies without cleaning up (SIGKILL, a test worker out of memory), this
// small shell loop stops them instead: zero-cache and every process it forked (its workers start
// their own sessions, so by /proc children, not by process group), PostgreSQL (postmaster.pid),
// then removes the folder.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ZERO_CACHE_PID_FILE = 'zero-cache.pid';

export function startOwnerWatchdog(dir: string): void {
  const script = `
    tree() { echo "$1"; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done; }
    while kill -0 "$OWNER" 2>/dev/null; do sleep 1; done
    [ -f "$DIR/${ZERO_CACHE_PID_FILE}" ] && kill -KILL $(tree "$(cat "$DIR/${ZERO_CACHE_PID_FILE}")") 2>/dev/null
    [ -f "$DIR/pg/postmaster.pid" ] && kill -INT "$(head -1 "$DIR/pg/postmaster.pid")" 2>/dev/null
    sleep 3
    rm -rf "$DIR"`;
  const watchdog = spawn('sh', ['-c', script], {
    env: { PATH: process.env.PATH, OWNER: String(process.pid), DIR: dir },
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
}

export const zeroCachePidFile = (dir: string): string => join(dir, ZERO_CACHE_PID_FILE);
