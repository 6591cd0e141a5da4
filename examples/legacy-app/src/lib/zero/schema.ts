// The app's one Zero schema is the one generated from the Rails models (rails/, `--legacy-sync`: the legacy code still
// uses ad-hoc `z.query.*` reads and table CRUD mutators). Regenerate with the command in docs/generator.md.
export { schema, type Schema } from '../models/schema';
