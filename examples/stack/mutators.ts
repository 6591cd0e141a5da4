// The example stack's custom mutators (modern mode): registered on the client and run by the endpoints.
export { recordMutators as mutators } from '../../runtime/index.ts';
