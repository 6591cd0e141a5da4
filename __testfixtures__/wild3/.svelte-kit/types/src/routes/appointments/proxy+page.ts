// @ts-nocheck
import type { PageLoad } from './$types';
import { Appointment } from '$lib/zero';

type Status = 'booked' | 'checked_in' | 'done' | 'cancelled' | 'no_show';

export const load = ({ url }: Parameters<PageLoad>[0]) => {
  const status = (url.searchParams.get('status') as Status | null) ?? null;
  const doctorId = url.searchParams.get('doctor');
  // Snapshot for the first paint; the page then opens its own live query.
  const snapshot = status ? Appointment.where({ status }) : Appointment.all();
  const initial = snapshot.current.slice(0, 50);
  snapshot.destroy();
  return { status, doctorId, initial };
};
