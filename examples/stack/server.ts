// The example stack's server app (the module `zero-record serve` loads, and what `npm run stack --
// --modern` serves): the registries the client registers too, and how a request becomes a context.
export { modernSchema as schema } from './schema.ts';
export { queries } from './queries.ts';
export { mutators } from './mutators.ts';

/**
 * The example trusts the bearer token as the user id (zero-cache forwards the client's `auth`).
 * A real app verifies it: a signed JWT, or a Rails session cookie forwarded with
 * ZERO_QUERY_FORWARD_COOKIES / ZERO_MUTATE_FORWARD_COOKIES (docs/deploy.md).
 */
export function authenticate(request: Request): { userID: string | null } {
  const token = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  return { userID: token ?? null };
}
