import { describe, it, expect, beforeAll } from 'vitest';
import { Invoice, Patient, initZero } from '$lib/zero';
import { createFakeZero } from './fake-zero';
import { outstandingCents, billAppointment } from './billing';

describe('billing', () => {
  beforeAll(() => initZero(createFakeZero()));

  it('has no outstanding balance for a new patient', () => {
    const patient = Patient.find('p-new');
    expect(patient.current).toBeNull();
    expect(outstandingCents('p-new')).toBe(0);
    patient.destroy();
  });

  it('creates a draft invoice', async () => {
    const id = await billAppointment('a1', 'p1');
    const invoice = Invoice.find(id);
    expect(invoice.resultType).toBe('complete');
    expect(invoice.current?.status ?? 'draft').toBe('draft');
    invoice.destroy();
  });

  it('lists all invoices once', () => {
    const all = Invoice.all();
    const [first] = all.current;
    expect(first).toBeUndefined();
    all.destroy();
  });
});
