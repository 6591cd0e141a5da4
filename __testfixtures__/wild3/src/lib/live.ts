// Team convenience barrel: shorter names for the Zero wrappers.
export { ReactiveQuery as LiveQuery, ReactiveQueryOne as LiveRecord } from './zero';
export * as models from './zero/models';
export { updatePatient as savePatient } from './zero/models/patient.generated';
