/** Base class of every failure of the throwaway sync stack (`npm run stack`, integration tests). */
export class StackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No PostgreSQL server binaries (initdb, postgres) of version 15 or later were found. */
export class PostgresNotInstalledError extends StackError {}

/** A stack process (PostgreSQL, zero-deploy-permissions, zero-cache) failed to start or become ready. */
export class StackStartError extends StackError {}
