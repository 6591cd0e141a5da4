/**
 * Every method name a relation or model answers to. Scopes may not take these names (they would shadow a finder).
 */
export const RELATION_METHODS: ReadonlySet<string> = new Set([
  'where', 'not', 'or', 'order', 'reorder', 'limit', 'offset', 'none', 'all', 'includes', 'ttl', 'unscope', 'spec',
  'find', 'find_by', 'find_by_bang', 'first', 'first_bang', 'last', 'last_bang', 'take', 'take_bang', 'sole',
  'pluck', 'pick', 'ids', 'exists', 'count', 'subscribe', 'then', 'toArray', 'toString', 'toJSON',
  'create', 'update', 'destroy', 'upsert', 'new', 'build', 'model', 'definition', 'connection', 'constructor',
]);
