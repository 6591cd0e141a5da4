import { createInvoice, updateInvoice, Invoice, type Invoice as InvoiceRow } from '$lib/zero';

export const CONSULT_FEE_CENTS = 8500;

export async function billAppointment(appointmentId: string, patientId: string) {
  const { id } = await createInvoice({
    appointment_id: appointmentId,
    patient_id: patientId,
    amount_cents: CONSULT_FEE_CENTS,
    status: 'draft',
    issued_at: null
  });
  return id;
}

export function markSent(invoice: InvoiceRow) {
  return updateInvoice(invoice.id, { status: 'sent', issued_at: Date.now() });
}

export function outstandingCents(patientId: string): number {
  const h = Invoice.where({ patient_id: patientId });
  const total = h.current.filter((i) => i.status === 'sent').reduce((s, i) => s + i.amount_cents, 0);
  h.destroy();
  return total;
}
