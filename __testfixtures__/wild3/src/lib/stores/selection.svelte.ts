import { ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';
import { Patient, Doctor, type Patient as PatientRow } from '$lib/zero';
import { getZero } from '$lib/zero/zero-client';

/** Module-level singleton: which patient / doctor the desk has selected. */
class Selection {
  patientId = $state<string | null>(null);
  doctorId = $state<string | null>(null);

  patientQuery = $derived(
    this.patientId
      ? new ReactiveQueryOne<PatientRow>(
          () => getZero()?.query.patients.where('id', this.patientId!).one() ?? null,
          null,
          '30m'
        )
      : null
  );

  doctorHandle = $derived(this.doctorId ? Doctor.find(this.doctorId) : null);

  get patientName() {
    const p = this.patientQuery?.data;
    return p ? `${p.first_name} ${p.last_name}` : '';
  }

  get doctorName() {
    return this.doctorHandle?.current?.name ?? '—';
  }

  get busy() {
    return this.patientQuery?.isLoading || this.doctorHandle?.resultType === 'loading';
  }

  flaggedPatients = Patient.where({ flagged: true });

  clear() {
    this.patientQuery?.destroy();
    this.patientId = null;
    this.doctorId = null;
  }
}

export const selection = new Selection();
