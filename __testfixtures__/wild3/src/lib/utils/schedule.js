// Scheduling helpers shared by the calendar and the room grid. Plain JS + JSDoc (older code).
import { updateAppointment, Room } from '$lib/zero';

/**
 * @typedef {import('$lib/zero').Appointment} Appointment
 * @typedef {import('$lib/zero').ReactiveQuery<Appointment>} AppointmentsQuery
 */

/**
 * How many appointments in the query are still open.
 * @param {AppointmentsQuery} query
 * @returns {number}
 */
export function countOpen(query) {
  return query.current.filter((a) => a.status === 'booked' || a.status === 'checked_in').length;
}

/**
 * First free slot (in ms) after `from`, given the query's appointments.
 * @param {AppointmentsQuery} query
 * @param {number} from
 * @param {number} [slotMinutes]
 */
export function firstFreeSlot(query, from, slotMinutes = 15) {
  const taken = new Set(query.data.map((a) => a.starts_at));
  let t = from;
  while (taken.has(t)) t += slotMinutes * 60_000;
  return t;
}

/**
 * Moves an appointment by `minutes`.
 * @param {Appointment} appt
 * @param {number} minutes
 */
export async function shift(appt, minutes) {
  const result = await updateAppointment(appt.id, { starts_at: appt.starts_at + minutes * 60_000 });
  return result.id;
}

/**
 * Names of all rooms on a floor, read once.
 * @param {number} floor
 */
export function roomNamesOnFloor(floor) {
  const handle = Room.where({ floor });
  const names = (handle.current ?? []).map((r) => r.name);
  handle.destroy();
  return names;
}

// A comment mentioning query.current and new ReactiveQuery(() => ...) must stay as it is.
export const HELP_TEXT = 'Use Appointment.find(id).current to read one appointment (legacy docs).';
