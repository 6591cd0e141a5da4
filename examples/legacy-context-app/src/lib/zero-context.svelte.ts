// The app's Zero context: ONE object holding the model objects and the mutator functions, built in
// the root layout (src/routes/+layout.svelte) and handed out by getZeroContext(). Components almost
// never import the models directly; they destructure this.
import { getContext, setContext } from 'svelte';
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
  updateClient,
} from '$lib/zero';

const KEY = Symbol('zero-context');

export function createZeroContext(currentUserId: string | null) {
  const context = {
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
    updateClient,
    currentUserId,
  };
  setContext(KEY, context);
  return context;
}

export type ZeroContext = ReturnType<typeof createZeroContext>;

export function getZeroContext(): ZeroContext {
  const context = getContext<ZeroContext | undefined>(KEY);
  if (!context) throw new Error('getZeroContext(): no Zero context (is the component inside the root layout?)');
  return context;
}
