/**
 * The module `zero-record serve` loads (`ZERO_RECORD_APP` / `--app`): the generated registries and
 * schema, plus your hooks. Its exports:
 *
 * ```ts
 * export { schema } from './models/schema.ts';
 * export { queries } from './models/queries.ts';
 * export { mutators } from './models/mutators.ts';
 * export const authenticate = async (request: Request) => ({ userID: await userFromToken(request) });
 * export const policies = { jobs: { read: (ctx) => ({ owner_id: ctx.userID }) } };
 * ```
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMutatorRegistry, isQueryRegistry } from '@rocicorp/zero';
import { ConfigError } from '../core/errors.ts';
import type { ServerContext, ServerOptions } from './endpoints.ts';

/** What an app module provides: everything the endpoints need but the database. */
export type ServerApp = Omit<ServerOptions<ServerContext>, 'database'>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Checks the exports of an app module; `source` names it in the error. */
export function serverAppFrom(exports: Record<string, unknown>, source: string): ServerApp {
  const problems: string[] = [];
  const schema = exports['schema'];
  if (!isObject(schema) || !isObject(schema['tables'])) problems.push('export `schema`: the Zero schema (createSchema(...), the generated schema.ts)');
  if (!isQueryRegistry(exports['queries'])) problems.push('export `queries`: the defineQueries registry (the generated queries.ts)');
  if (!isMutatorRegistry(exports['mutators'])) problems.push('export `mutators`: the defineMutators registry (the generated mutators.ts)');
  const authenticate = exports['authenticate'];
  if (authenticate !== undefined && typeof authenticate !== 'function') problems.push('export `authenticate` (optional): a function (request) => context');
  const policies = exports['policies'];
  if (policies !== undefined && !isObject(policies)) problems.push('export `policies` (optional): table name -> { read?, write? }');
  if (problems.length > 0) throw new ConfigError(`The server app module ${source}`, problems);
  return exports as unknown as ServerApp;
}

/**
 * Imports the app module at `path` (relative to `cwd`). A TypeScript module needs a loader Node has not (Node 20) or
 * one that resolves extensionless imports: `NODE_OPTIONS='--import tsx'`, which the error says (importProblems).
 */
export async function loadServerApp(path: string, cwd = process.cwd()): Promise<ServerApp> {
  const file = isAbsolute(path) ? path : resolve(cwd, path);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`The server app module ${file}`, importProblems(error, file));
  }
  return serverAppFrom(exports, file);
}

/**
 * Node's errors for a TypeScript module it cannot load: no TypeScript at all (Node 20), syntax its type stripping
 * does not take (Node 22+), or an extensionless import (`./schema`, as the generated models write them) it does not
 * resolve.
 */
const TYPESCRIPT_LOAD_ERRORS = new Set(['ERR_UNKNOWN_FILE_EXTENSION', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', 'ERR_MODULE_NOT_FOUND']);

/** Why the app module `file` could not be imported, and for a TypeScript module in plain Node, how to load it. */
export function importProblems(error: unknown, file: string): string[] {
  const problems = [`could not be imported: ${error instanceof Error ? error.message : String(error)}`];
  const code = (error as { code?: unknown } | null)?.code;
  if (/\.[cm]?tsx?$/.test(file) && typeof code === 'string' && TYPESCRIPT_LOAD_ERRORS.has(code)) {
    problems.push(
      "Node could not load this TypeScript module on its own: run the command under tsx (npm install -D tsx, then NODE_OPTIONS='--import tsx' npx zero-record serve), or point it at the module compiled to JavaScript",
    );
  }
  return problems;
}
