import { Technician, type Case, type CaseStatus, type ModelHandle } from '#data';
import { ReactiveQuery } from '@/data/reactive-query.svelte';
import { getZero } from '@/data/zero';

export const BOARD_COLUMNS: CaseStatus[] = ['received', 'design', 'milling', 'finishing', 'qc'];

/** Board page state: the open-case query, the technician list and the filters. */
export class BoardState {
  technicianId = $state<string | null>(null);
  rushOnly = $state(false);
  search = $state('');

  cases: ReactiveQuery<Case> = $state(
    new ReactiveQuery<Case>(
      () => getZero()?.query.cases.where('status', '!=', 'shipped').orderBy('due_at', 'asc'),
      [],
      '10m',
    ),
  );

  technicians: ModelHandle<Technician[]> = $state(Technician.where({ active: true }, '1d'));

  get allCases(): Case[] {
    return this.cases.current;
  }

  get activeTechnicians(): Technician[] {
    return this.technicians.current;
  }

  get isLoading(): boolean {
    return this.cases.isLoading || this.technicians.resultType === 'loading';
  }

  visible = $derived.by(() => {
    const q = this.search.trim().toLowerCase();
    return (this.cases.data ?? []).filter(
      (c) =>
        (!this.rushOnly || c.rush) &&
        (!this.technicianId || c.technician_id === this.technicianId) &&
        (!q || c.case_number.toLowerCase().includes(q) || c.patient_ref.toLowerCase().includes(q)),
    );
  });

  columns = $derived.by(() => {
    const map = new Map<CaseStatus, Case[]>(BOARD_COLUMNS.map((s) => [s, []]));
    for (const c of this.visible) map.get(c.status)?.push(c);
    return map;
  });

  technicianName = $derived.by(() => {
    const names = new Map(this.technicians.current.map((t) => [t.id, t.name]));
    return (id: string | null | undefined) => (id ? (names.get(id) ?? '?') : 'unassigned');
  });

  /** Switching to "on hold" view means a different server query. */
  showOnHold(on: boolean): void {
    this.cases.destroy();
    this.cases = new ReactiveQuery<Case>(
      () =>
        on
          ? getZero()?.query.cases.where('status', 'on_hold').orderBy('updated_at', 'desc')
          : getZero()?.query.cases.where('status', '!=', 'shipped').orderBy('due_at', 'asc'),
      [],
      '10m',
    );
  }

  dispose(): void {
    this.cases.destroy();
    this.technicians.destroy();
  }
}
