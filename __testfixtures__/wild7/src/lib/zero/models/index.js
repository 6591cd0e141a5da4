// Model barrel. Generated models first; hand-written `.custom.js` versions
// win over the generated object of the same name.
export * from './owner.generated.js';
export * from './pet.generated.js';
export * from './kennel.generated.js';
export * from './stay.generated.js';
export * from './feeding_schedule.generated.js';
export * from './medication_dose.generated.js';
export { Pet } from './pet.custom.js';
export { Stay } from './stay.custom.js';
