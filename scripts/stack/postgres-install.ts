// Finds the PostgreSQL server binaries. Debian keeps them off PATH, under
// /usr/lib/postgresql/<major>/bin, so both places are searched.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { PostgresNotInstalledError } from './errors.ts';

export const MIN_POSTGRES_MAJOR = 15;

export interface PostgresInstall {
  /** Real folder holding `initdb`, `postgres` and `pg_isready`. */
  binDir: string;
  major: number;
}

function majorOf(binDir: string): number | undefined {
  try {
    const out = execFileSync(join(binDir, 'initdb'), ['--version'], { encoding: 'utf8' });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface PostgresSearch {
  /** A PATH-style list of folders; default: the PATH environment variable. */
  path?: string;
  /** Where Debian puts versioned installs; default: /usr/lib/postgresql. */
  debianRoot?: string;
}

function candidateBinDirs({ path = process.env.PATH ?? '', debianRoot = '/usr/lib/postgresql' }: PostgresSearch): string[] {
  const fromPath = path.split(delimiter).filter(Boolean);
  const debian = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(debianRoot, v, 'bin'))
    : [];
  return [...fromPath, ...debian];
}

/** The first PostgreSQL >= 15 install with server binaries; throws PostgresNotInstalledError otherwise. */
export function findPostgres(search: PostgresSearch = {}): PostgresInstall {
  const seen: string[] = [];
  for (const dir of candidateBinDirs(search)) {
    if (!existsSync(join(dir, 'initdb'))) continue;
    // PATH may hold only symlinks to some of the binaries (initdb, pg_ctl): use their real folder.
    const binDir = dirname(realpathSync(join(dir, 'initdb')));
    if (!['postgres', 'pg_isready'].every((bin) => existsSync(join(binDir, bin)))) continue;
    const major = majorOf(binDir);
    seen.push(`${binDir} (${major ?? 'unknown version'})`);
    if (major !== undefined && major >= MIN_POSTGRES_MAJOR) return { binDir, major };
  }
  throw new PostgresNotInstalledError(
    `PostgreSQL ${MIN_POSTGRES_MAJOR}+ server binaries (initdb, postgres) were not found on PATH or under ` +
      `/usr/lib/postgresql/<version>/bin${seen.length ? `; found only: ${seen.join(', ')}` : ''}. ` +
      'Install them with `bash .ci/install-postgres.sh` (Debian: apt-get install postgresql), then retry.',
  );
}

export interface UnixIdentity {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: when we are root, its processes run as the `postgres`
 * user that the Debian package creates. Undefined when no switch is needed.
 */
export function postgresIdentity(): UnixIdentity | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) {
    throw new PostgresNotInstalledError(
      'Running as root, but there is no `postgres` user to run PostgreSQL as (it refuses root). ' +
        'Install PostgreSQL with `bash .ci/install-postgres.sh` (it creates the user), or run as a non-root user.',
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}
