// Public surface of the Zero layer: app code imports from '$lib/zero'.
export { ReactiveQuery, ReactiveQueryOne } from './reactive-query.svelte';
export { getZero, initZero, requireZero, closeZero } from './client';
export { schema } from './schema';
export type { Schema, OrderStatus } from './schema';

export * from './venue.generated';
export * from './show.generated';
export * from './price_tier.generated';
export * from './order.generated';
export * from './ticket.generated';

// The hand-written Show (generated methods + findProgressive / includesVenue)
// shadows the generated one for everybody importing from the barrel.
export { Show } from './show.custom';
export type { ShowProgressive, ShowWithVenue } from './show.custom';
