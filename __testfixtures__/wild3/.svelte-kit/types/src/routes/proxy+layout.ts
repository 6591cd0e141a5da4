// @ts-nocheck
import type { LayoutLoad } from './$types';
import { Room, Doctor } from '$lib/zero';
import { startOfDay } from '$lib/stores/appointments';

export const ssr = false;
export const prerender = false;

export const load = async () => {
  const rooms = Room.all();
  const doctors = Doctor.where({ active: true });
  return {
    today: startOfDay(),
    rooms,
    activeDoctorCount: doctors.current.length,
    doctors
  };
};
;null as any as LayoutLoad;