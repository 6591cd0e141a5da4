/**
 * `zero-record/server` (Node only): the query and mutate endpoints zero-cache calls, with an
 * `authenticate` hook and per-table read and write policies. `zero-record serve` runs them as a
 * ready HTTP server; mount `createServer(...).query` / `.mutate` in your own server otherwise.
 */
export { createServer, type ServerContext, type ServerOptions, type ZeroRecordServer } from './endpoints.ts';
export { nodeListener, type ListenerOptions } from './node-listener.ts';
export { AuthenticationError } from './errors.ts';
export type { ModelPolicy, Policies, PolicyReads, PolicyRow, ReadPolicyHash, WriteChange } from './policies.ts';
export { serve, type RunningServer, type ServeOptions } from './serve.ts';
export { loadServerApp, serverAppFrom, type ServerApp } from './app-module.ts';
