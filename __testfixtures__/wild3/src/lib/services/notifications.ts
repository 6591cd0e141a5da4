// Module-level singleton: tells the desk when a patient checks in at the kiosk.
import { ReactiveQuery, ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/zero-client';
import type { Appointment, Patient } from '$lib/zero/models';

const CHECKIN_TTL = '10m';

export const checkedIn = new ReactiveQuery<Appointment>(
  () => getZero()?.query.appointments.where('status', 'checked_in').orderBy('updated_at', 'desc') ?? null,
  [],
  CHECKIN_TTL
);

let seen = new Set<string>();
let stop: (() => void) | null = null;

export function startCheckInNotifications(notify: (text: string) => void) {
  if (stop) return stop;
  stop = checkedIn.subscribe((rows) => {
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const patient = new ReactiveQueryOne<Patient>(
        () => getZero()?.query.patients.where('id', row.patient_id).one() ?? null,
        null,
        CHECKIN_TTL
      );
      notify(`${patient.current?.first_name ?? 'A patient'} checked in`);
      patient.destroy();
    }
  });
  return stop;
}

export function latestCheckIn() {
  return checkedIn.data[0] ?? null;
}

export function resetNotifications() {
  stop?.();
  stop = null;
  seen = new Set();
  checkedIn.refresh();
}
