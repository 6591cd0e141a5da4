import { getContext, setContext } from 'svelte';
import * as models from './models';
import { ReactiveQuery } from './reactive-query.svelte';

const LAB_CONTEXT = Symbol('crownworks.lab');

/**
 * Everything a page needs to read or write lab data, handed out through
 * Svelte context so pages don't import the data layer directly
 * (lets the Storybook stories swap in fakes).
 */
function createLabContext() {
  return {
    // model objects
    Practice: models.Practice,
    Technician: models.Technician,
    Case: models.Case,
    Restoration: models.Restoration,
    CaseNote: models.CaseNote,

    // mutators
    createCase: models.createCase,
    updateCase: models.updateCase,
    deleteCase: models.deleteCase,
    updateRestoration: models.updateRestoration,
    createCaseNote: models.createCaseNote,
    updateTechnician: models.updateTechnician,

    /** escape hatch for one-off list queries */
    live<T>(build: ConstructorParameters<typeof ReactiveQuery<T>>[0], ttl = '5m') {
      return new ReactiveQuery<T>(build, [], ttl);
    },
  };
}

export type LabContext = ReturnType<typeof createLabContext>;

export function setLabContext(ctx: LabContext = createLabContext()): LabContext {
  return setContext(LAB_CONTEXT, ctx);
}

export function getLabContext(): LabContext {
  const ctx = getContext<LabContext | undefined>(LAB_CONTEXT);
  if (!ctx) throw new Error('getLabContext() called outside <App>');
  return ctx;
}
