import type { PageLoad } from './$types';
import { Appointment } from '$lib/zero';

export const load: PageLoad = ({ params }) => {
  return {
    id: params.id,
    withPatient: Appointment.includes('patient').find(params.id)
  };
};
