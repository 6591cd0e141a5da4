// @ts-nocheck
import type { PageLoad } from './$types';
import { Appointment } from '$lib/zero';

export const load = ({ params }: Parameters<PageLoad>[0]) => {
  return {
    id: params.id,
    withPatient: Appointment.includes('patient').find(params.id)
  };
};
