// Barrel for the generated models (+ hand-written extensions).
export * from './practice.generated';
export * from './technician.generated';
export * from './case.generated';
export { Case, type CaseWithRelations } from './case.custom';
export * from './restoration.generated';
export * from './case-note.generated';
