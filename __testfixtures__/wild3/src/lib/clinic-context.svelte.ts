import { getContext, setContext } from 'svelte';
import {
  Appointment,
  Patient,
  Doctor,
  Invoice,
  Room,
  createAppointment,
  updateAppointment,
  deleteAppointment,
  updatePatient,
  createInvoice,
  updateInvoice,
  deleteInvoice,
  upsertInvoice
} from '$lib/zero';

const CLINIC_KEY = Symbol('clinic');

function buildClinicContext() {
  return {
    Appointment,
    Patient,
    Doctor,
    Invoice,
    Room,
    createAppointment,
    updateAppointment,
    deleteAppointment,
    updatePatient,
    createInvoice,
    updateInvoice,
    deleteInvoice,
    upsertInvoice
  };
}

export type ClinicContext = ReturnType<typeof buildClinicContext>;

export function provideClinicContext(): ClinicContext {
  return setContext(CLINIC_KEY, buildClinicContext());
}

export function useClinic(): ClinicContext {
  const ctx = getContext<ClinicContext | undefined>(CLINIC_KEY);
  if (!ctx) throw new Error('useClinic() called outside the root layout');
  return ctx;
}
