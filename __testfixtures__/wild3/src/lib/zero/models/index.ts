export * from './appointment.generated';
export { Appointment } from './appointment.custom';
export type { AppointmentWithPatient } from './appointment.custom';
export * from './patient.generated';
export * from './doctor.generated';
export * from './invoice.generated';
export * from './room.generated';
