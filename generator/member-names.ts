/**
 * The names the runtime keeps for its own members, as the app will load it: both flavours register their members when
 * their modules load, so both are imported here (in the published CLI these are imports of the installed zero-record).
 */
import '../runtime/reactive/index.svelte.ts';
import { reservedNames } from '../runtime/index.ts';

/** Who owns `name` on relations and model objects (where scopes live), or undefined when a scope may take it. */
export function relationMember(name: string): string | undefined {
  return reservedNames('relation').get(name);
}

/** Who owns `name` on records and record handles (where columns and associations live), or undefined when free. */
export function recordMember(name: string): string | undefined {
  return reservedNames('record').get(name);
}
