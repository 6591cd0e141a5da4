// The tier fails loudly without PostgreSQL: the error names what is missing and how to install it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresNotInstalledError } from '../../scripts/stack/errors.ts';
import { findPostgres, MIN_POSTGRES_MAJOR } from '../../scripts/stack/postgres-install.ts';

const empty = mkdtempSync(join(tmpdir(), 'no-postgres-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('findPostgres', () => {
  it('throws PostgresNotInstalledError with the install command when no server binaries exist', () => {
    expect(() => findPostgres({ path: empty, debianRoot: join(empty, 'missing') })).toThrow(PostgresNotInstalledError);
    expect(() => findPostgres({ path: empty, debianRoot: join(empty, 'missing') })).toThrow(/bash \.ci\/install-postgres\.sh/);
  });

  it('finds the installed server, off PATH too (Debian keeps it under /usr/lib/postgresql)', () => {
    const install = findPostgres({ path: empty });
    expect(install.major).toBeGreaterThanOrEqual(MIN_POSTGRES_MAJOR);
    expect(install.binDir).toMatch(/postgresql/);
  });
});
