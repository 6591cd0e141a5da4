/**
 * Counts what a Zero client keeps live, read from Zero's OWN state (not from zero-record's bookkeeping), for leak tests.
 *
 * Zero 1.9 exposes no public or testing API for this (its testing symbol is compiled out of the package and
 * `z.inspector.client.queries()` waits for a server forever), so the counter reads the client's private fields through
 * Node's inspector protocol (`Runtime.getProperties` lists `#private` fields), the same way a debugger shows them:
 * - `views`: the IVM commit listeners of the client's query context; every materialized view registers exactly one and
 *   removes it in `destroy()`.
 * - `connections`: per table, the pipelines connected to Zero's in-memory table source (one per table a live view reads);
 *   this is where a row change is pushed, so a leaked entry here is a leaked listener.
 * - `desiredQueries`: the query manager's entries still held by a live view (count > 0); queries the client asks the
 *   server to keep (only schemas with `enableLegacyQueries` register ad-hoc queries there; entries kept for their TTL after
 *   the last view went have count 0 and are not counted).
 * Works in the node and jsdom vitest projects (both run tests in the main V8 context of the worker).
 */
import { Session } from 'node:inspector/promises';
import type { Zero } from '@rocicorp/zero';

export interface ZeroViewCounts {
  readonly views: number;
  readonly connections: Readonly<Record<string, number>>;
  /** Sum of `connections`. */
  readonly totalConnections: number;
  readonly desiredQueries: number;
}

type RemoteObject = { objectId?: string; description?: string; value?: unknown };
type PropertyList = { privateProperties?: { name: string; value?: RemoteObject }[] };

let session: Session | undefined;

function connected(): Session {
  if (!session) {
    session = new Session();
    session.connect();
  }
  return session;
}

async function privateField(objectId: string, name: string): Promise<string> {
  const props = (await connected().post('Runtime.getProperties', { objectId, ownProperties: true })) as PropertyList;
  const field = props.privateProperties?.find((p) => p.name === name)?.value?.objectId;
  if (!field) throw new Error(`zero-views: Zero's ${name} field was not found; the counter needs updating for this Zero version`);
  return field;
}

async function call<T>(objectId: string, functionDeclaration: string): Promise<T> {
  const { result } = (await connected().post('Runtime.callFunctionOn', { objectId, functionDeclaration, returnByValue: true })) as { result: RemoteObject };
  return result.value as T;
}

/** What `z` keeps live right now, counted through Zero's own structures. */
// Any Zero instance: the counter does not depend on the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function zeroViewCounts(z: Zero<any, any, any>): Promise<ZeroViewCounts> {
  const key = `__zeroViews${Math.random().toString(36).slice(2)}`;
  (globalThis as Record<string, unknown>)[key] = z;
  try {
    const { result } = (await connected().post('Runtime.evaluate', { expression: `globalThis[${JSON.stringify(key)}]` })) as { result: RemoteObject };
    if (!result.objectId) throw new Error('zero-views: could not reach the Zero instance through the inspector');
    const context = await privateField(result.objectId, '#zeroContext');
    const views = await call<number>(await privateField(context, '#commitListeners'), 'function () { return this.size; }');
    const sources = await privateField(await privateField(result.objectId, '#ivmMain'), '#sources');
    const names = await call<string[]>(sources, 'function () { return [...this.keys()]; }');
    const connections: Record<string, number> = {};
    for (const name of names) {
      const { result: source } = (await connected().post('Runtime.callFunctionOn', {
        objectId: sources,
        functionDeclaration: `function () { return this.get(${JSON.stringify(name)}); }`,
      })) as { result: RemoteObject };
      connections[name] = await call<number>(await privateField(source.objectId!, '#connections'), 'function () { return this.length; }');
    }
    const desiredQueries = await call<number>(
      await privateField(await privateField(result.objectId, '#queryManager'), '#queries'),
      'function () { let n = 0; for (const entry of this.values()) if (entry.count > 0) n++; return n; }',
    );
    const totalConnections = Object.values(connections).reduce((a, b) => a + b, 0);
    return { views, connections, totalConnections, desiredQueries };
  } finally {
    delete (globalThis as Record<string, unknown>)[key];
  }
}
