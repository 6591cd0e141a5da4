// Models generated from the Rails schema, plus the hand-written Boat additions.
export * from './member.generated';
export * from './boat.generated';
export * from './race.generated';
export * from './race_entry.generated';
export * from './work_order.generated';
export { Boat } from './boat.custom';
export type { BoatRelation, BoatWithRelations } from './boat.custom';
