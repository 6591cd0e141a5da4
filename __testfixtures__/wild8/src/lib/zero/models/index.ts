// Barrel for the generated models plus the hand-written additions.
export * from './gardener.generated';
export * from './plot.generated';
export * from './harvest.generated';
export * from './watering_shift.generated';
export * from './tool_loan.generated';
export { Plot } from './plot.custom';
export type { PlotRelation, PlotWithRelations } from './plot.custom';
