import { writable, derived, readable, type Readable } from 'svelte/store';
import { ReactiveQuery, getZero, type Appointment } from '$lib/zero';
import { Appointment as AppointmentModel } from '$lib/zero';

const DAY = 86_400_000;
const TTL_MINUTES = 15;

export function startOfDay(ts = Date.now()) {
  const d = new Date(ts);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The day the front desk is looking at. */
export const selectedDay = writable(startOfDay());

/** A store whose value IS the legacy query for the selected day (rebuilt when the day changes). */
export const dayQuery: Readable<ReactiveQuery<Appointment>> = derived(selectedDay, (day, set) => {
  const q = new ReactiveQuery<Appointment>(
    () =>
      getZero()
        ?.query.appointments.where('starts_at', '>=', day)
        .where('starts_at', '<', day + DAY)
        .orderBy('starts_at', 'asc') ?? null,
    [],
    `${TTL_MINUTES}m`
  );
  set(q);
  return () => q.destroy();
});

/** A store of the rows themselves, fed by subscribe(). */
export const dayAppointments = derived<Readable<ReactiveQuery<Appointment>>, Appointment[]>(
  dayQuery,
  (q, set) => q.subscribe((rows) => set(rows)),
  []
);

export const dayCount = derived(dayAppointments, ($rows) => $rows.length);

/** Everything still waiting to be checked in, as a plain readable over the model object. */
export const waitingRoom = readable<Appointment[]>([], (set) => {
  const handle = AppointmentModel.where({ status: 'booked' });
  const timer = setInterval(() => set(handle.current), 1000);
  return () => {
    clearInterval(timer);
    handle.destroy();
  };
});

/** Holds whichever query the sidebar is showing; components put their own in. */
export const sidebarQuery = writable<ReactiveQuery<Appointment> | null>(null);
