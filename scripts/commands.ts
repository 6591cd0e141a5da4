/** The commands the published CLI (`zero-record-cli`) ships; each lives in its own module under scripts/. */
import type { CommandTable } from './cli/command-line.ts';

export const COMMANDS: CommandTable = {
  generate: { summary: 'Rails models -> TypeScript models (Active / Reactive) and the Zero schema', load: () => import('./generate.ts') },
  migrate: { summary: 'rewrite legacy ReactiveQuery code to zero-record models (--dry previews)', load: () => import('./migrate.ts') },
  serve: { summary: 'the query and mutate endpoints zero-cache calls (modern Zero), as a Node HTTP server', load: () => import('./serve.ts') },
  rollback: { summary: 'undo a migrate run from its manifest', load: () => import('./rollback.ts') },
};
