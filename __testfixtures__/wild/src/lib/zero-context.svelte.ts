// One object with everything Zero-ish a component needs. Built once in the root +layout.svelte
// and read with getZeroContext(). (Started as a way to make components testable without the
// global client — see the ZeroProvider RFC in Notion, never finished.)
import { getContext, hasContext, setContext } from 'svelte';
import * as zero from '$lib/zero';
import {
  Job,
  Client,
  Task,
  User,
  createJob,
  updateJob,
  deleteJob,
  upsertJob,
  createTask,
  updateTask,
  deleteTask,
} from '$lib/zero';

const ZERO_CTX = Symbol.for('app.zero');

function build(userId: string | null) {
  let ready = $state(false);
  return {
    // model objects
    Job,
    Client,
    Task,
    User,
    // mutators
    createJob,
    updateJob,
    deleteJob,
    upsertJob,
    createTask,
    updateTask,
    deleteTask,
    // misc
    userId,
    get ready() {
      return ready;
    },
    markReady() {
      ready = true;
    },
    /** escape hatch for one-off queries */
    raw: () => zero.getZero(),
  };
}

export type ZeroContext = ReturnType<typeof build>;

export function createZeroContext(userId: string | null = null): ZeroContext {
  const ctx = build(userId);
  setContext(ZERO_CTX, ctx);
  return ctx;
}

export function getZeroContext(): ZeroContext {
  if (!hasContext(ZERO_CTX)) {
    throw new Error('getZeroContext() called outside the root layout');
  }
  return getContext<ZeroContext>(ZERO_CTX);
}
