/**
 * `zero-record rollback [id]`: restores the files of a migration byte-for-byte from its manifest (the latest
 * one not yet rolled back by default). A file changed since the migration is listed and left alone unless
 * --force; entries pointing outside the root are refused before anything is touched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseCommandArgs } from './cli/args.ts';
import { writeFileAtomic } from './cli/atomic-write.ts';
import { CliError, ManifestError, PathOutsideRootError, RollbackConflictError, UsageError } from './cli/errors.ts';
import { sha256 } from './cli/hash.ts';
import { processIO, type CommandIO } from './cli/io.ts';
import { listManifests, loadManifest, manifestPath, resolveEntry, saveManifest, type Manifest } from './cli/manifest.ts';
import { EXAMPLE_APP, projectRoot } from './cli/project-root.ts';

const HELP = `Usage: zero-record rollback [id] [options]

Restores every file a \`zero-record migrate\` run wrote, byte-for-byte, from its manifest in
.zero-record/migrations/. Without an id: the latest migration not yet rolled back. Works for an
interrupted run too (files it never reached are left as they are).

Options:
  --list           list past migrations and exit
  --force          also restore files changed since the migration (they are listed otherwise)
  --root <dir>     project root (default: the current directory; inside the zero-record repository
                   itself: ${EXAMPLE_APP})
  -h, --help       show this help
`;

const OPTIONS = {
  list: { type: 'boolean' },
  force: { type: 'boolean' },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function describe(m: Manifest): string {
  const state = m.rolledBackAt ? `rolled back ${m.rolledBackAt}` : m.state === 'complete' ? 'applied' : 'interrupted (rollback completes it)';
  return `${m.id}  ${m.createdAt}  ${String(m.files.length).padStart(3)} files  ${state}`;
}

function run(argv: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs('rollback', argv, OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`give at most one migration id, got ${positionals.length}`, 'rollback');
  const root = projectRoot(io.cwd, values.root, []);
  if (values.list) {
    const all = listManifests(root);
    io.stdout(all.length ? `${all.map(describe).join('\n')}\n` : `No migrations under ${root}.\n`);
    return 0;
  }
  const manifest = positionals[0] ? loadManifest(root, positionals[0]) : listManifests(root).filter((m) => !m.rolledBackAt).pop();
  if (!manifest) throw new ManifestError(`no migration to roll back under ${root} (\`zero-record rollback --list\` shows past ones)`);

  const escaping: string[] = [];
  const targets = manifest.files.flatMap((entry) => {
    try {
      return [{ entry, abs: resolveEntry(root, entry.path) }];
    } catch (error) {
      if (!(error instanceof PathOutsideRootError)) throw error;
      escaping.push(entry.path);
      return [];
    }
  });
  if (escaping.length) {
    throw new ManifestError(`refusing to roll back ${manifest.id}: its manifest names paths outside the project root ${root} (nothing was restored):\n${escaping.map((p) => `  ${p}`).join('\n')}`);
  }
  const conflicts: string[] = [];
  let restored = 0;
  let untouched = 0;
  for (const { entry, abs } of targets) {
    const current = existsSync(abs) ? sha256(readFileSync(abs)) : null;
    if (current === entry.sha256Before) {
      untouched++;
      continue;
    }
    if (current !== entry.sha256After && !values.force) {
      conflicts.push(entry.path);
      continue;
    }
    writeFileAtomic(abs, entry.before);
    restored++;
  }
  if (conflicts.length) {
    io.stdout(`Restored ${restored} files of ${manifest.id}; ${conflicts.length} left alone.\n`);
    throw new RollbackConflictError(conflicts);
  }
  saveManifest(root, { ...manifest, rolledBackAt: new Date().toISOString() });
  io.stdout(`Rolled back ${manifest.id}: restored ${restored} files${untouched ? `, ${untouched} already original` : ''} (manifest ${relative(root, manifestPath(root, manifest.id))}).\n`);
  return 0;
}

export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  try {
    return run(argv, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`zero-record rollback: ${error.message}\n`);
    return error.exitCode;
  }
}
