// Hand-written additions to the generated Appointment model object.
import { getZero } from '../zero-client';
import { ReactiveQuery, ReactiveQueryOne } from '../reactive-query.svelte';
import type { ModelHandle } from '../handle';
import {
  Appointment as GeneratedAppointment,
  type Appointment as AppointmentRow
} from './appointment.generated';
import type { Patient } from './patient.generated';
import type { Invoice } from './invoice.generated';

export type AppointmentWithPatient = AppointmentRow & { patient: Patient | undefined };

function handle<T>(q: ReactiveQuery<T> | ReactiveQueryOne<T>): ModelHandle<any> {
  return {
    get current() {
      return q.current;
    },
    get value() {
      return q.current;
    },
    get resultType() {
      return q.isLoading ? ('loading' as const) : ('complete' as const);
    },
    get error() {
      return q.error;
    },
    destroy: () => q.destroy()
  };
}

export const Appointment = Object.assign(GeneratedAppointment, {
  /** Loads the appointment first, then the patient and invoices, each as its own handle. */
  findProgressive(id: string) {
    return {
      appointment: new ReactiveQueryOne<AppointmentRow>(
        () => getZero()?.query.appointments.where('id', id).one() ?? null,
        null,
        '10m'
      ),
      patient: new ReactiveQueryOne<Patient>(
        () => getZero()?.query.appointments.where('id', id).related('patient').one() ?? null,
        null,
        '10m'
      ),
      invoices: new ReactiveQuery<Invoice>(
        () => getZero()?.query.invoices.where('appointment_id', id) ?? null,
        [],
        '10m'
      )
    };
  },
  includes(relation: 'patient' | 'doctor') {
    return {
      all(): ModelHandle<AppointmentWithPatient[]> {
        return handle(
          new ReactiveQuery<AppointmentWithPatient>(
            () => getZero()?.query.appointments.related(relation).orderBy('starts_at', 'asc') ?? null,
            [],
            '5m'
          )
        );
      },
      find(id: string): ModelHandle<AppointmentWithPatient | null> {
        return handle(
          new ReactiveQueryOne<AppointmentWithPatient>(
            () => getZero()?.query.appointments.where('id', id).related(relation).one() ?? null,
            null,
            '5m'
          )
        );
      }
    };
  },
  /** Today's appointments for one doctor, oldest first. */
  forDoctorOn(doctorId: string, dayStart: number) {
    return new ReactiveQuery<AppointmentRow>(
      () =>
        getZero()
          ?.query.appointments.where('doctor_id', doctorId)
          .where('starts_at', '>=', dayStart)
          .where('starts_at', '<', dayStart + 86_400_000)
          .orderBy('starts_at', 'asc') ?? null,
      [],
      '2h'
    );
  }
});
export type Appointment = AppointmentRow;
