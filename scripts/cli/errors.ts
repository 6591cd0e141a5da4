/** Typed CLI failures: each message says what was wrong and what to do; `exitCode` is what the process returns. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad flags or arguments (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string, command: string) {
    super(`${message}\nRun \`zero-record ${command} --help\` for the options.`, 2);
  }
}

export class PathOutsideRootError extends CliError {
  constructor(path: string, root: string) {
    super(`${path} is outside the project root ${root}: give paths inside it, or point --root at the project that contains them`, 2);
  }
}

export class DirtyTreeError extends CliError {
  constructor(root: string, dirty: readonly string[]) {
    const shown = dirty.slice(0, 10).map((d) => `  ${d}`).join('\n');
    super(
      `refusing to migrate: the git working tree under ${root} has uncommitted changes, so the migration's own changes could not be told apart from yours:\n${shown}${dirty.length > 10 ? `\n  ... and ${dirty.length - 10} more` : ''}\nCommit or stash them first, or pass --force (the rollback manifest still restores every file the migration writes).`,
    );
  }
}

export class ManifestError extends CliError {}

/** Rollback found files changed after the migration; it restored nothing of them. */
export class RollbackConflictError extends CliError {
  constructor(files: readonly string[]) {
    super(`these files changed after the migration and were NOT restored (pass --force to overwrite them with their pre-migration content):\n${files.map((f) => `  ${f}`).join('\n')}`);
  }
}

/** The migrated code would import its models through an alias the project does not define (exit 2): nothing is written. */
export class UnresolvedTargetsError extends CliError {
  constructor(problem: string) {
    super(`refusing to migrate: ${problem} Nothing was written.`, 2);
  }
}
