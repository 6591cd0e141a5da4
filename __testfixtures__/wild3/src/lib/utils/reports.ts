import {
  Invoice,
  Appointment,
  ReactiveQuery,
  getZero,
  type Invoice as InvoiceRow,
  type Appointment as AppointmentRow
} from '$lib/zero';
import { Query } from './query-helper';

export type DailyReport = { day: number; booked: number; noShows: number; revenueCents: number };

/** Reads the current rows once; used by the "print day sheet" button. */
export function buildDailyReport(day: number): DailyReport {
  const appts = Appointment.where({}).current.filter((a) => a.starts_at >= day && a.starts_at < day + 86_400_000);
  const invoicesHandle = Invoice.where({ status: 'paid' });
  const paid = invoicesHandle.value;
  invoicesHandle.destroy();
  return {
    day,
    booked: appts.length,
    noShows: appts.filter((a) => a.status === 'no_show').length,
    revenueCents: paid.reduce((sum, i) => sum + i.amount_cents, 0)
  };
}

/** Waits until a query has loaded, then resolves with its rows (used by the CSV export). */
export function whenLoaded<T>(query: ReactiveQuery<T>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    unsubscribe = query.subscribe((rows, { isLoading, error }) => {
      if (error) reject(error);
      else if (!isLoading) {
        resolve(rows);
        unsubscribe?.();
      }
    });
  });
}

export async function exportOverdueInvoices(): Promise<string> {
  const ttl = process.env.REPORT_TTL ?? '2m';
  const overdue = new ReactiveQuery<InvoiceRow>(
    () => getZero()?.query.invoices.where('status', 'sent').orderBy('issued_at', 'asc') ?? null,
    [],
    ttl
  );
  try {
    const rows = await whenLoaded(overdue);
    return rows.map((r) => `${r.id},${r.patient_id},${r.amount_cents}`).join('\n');
  } finally {
    overdue.destroy();
  }
}

/** Local memo (NOT Zero) — its .current must not be touched by any migration. */
export const weekdayLabels = new Query(() => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
export function firstWeekday() {
  return weekdayLabels.current[0];
}

export function lastAppointmentOf(rows: AppointmentRow[]) {
  return rows.at(-1);
}
