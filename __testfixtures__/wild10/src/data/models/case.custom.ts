// Hand-written additions to the generated Case model.
// The generator never touches this file; models/index.ts re-exports `Case` from here.

import { Case as GeneratedCase, type Case as CaseRecord } from './case.generated';
import type { Restoration } from './restoration.generated';
import type { CaseNote } from './case-note.generated';
import type { Practice } from './practice.generated';
import type { Technician } from './technician.generated';
import { ReactiveQuery, ReactiveQueryOne } from '../reactive-query.svelte';
import { getZero } from '../zero';

export type Case = CaseRecord;

export type CaseWithRelations = CaseRecord & {
  practice?: Practice;
  technician?: Technician;
  restorations?: Restoration[];
  notes?: CaseNote[];
};

type Relation = 'practice' | 'technician' | 'restorations' | 'notes';

export const Case = Object.assign(GeneratedCase, {
  /**
   * Case page loader: the case first, then its restorations and notes, as
   * three independent queries so the header paints before the tables.
   */
  findProgressive(id: string) {
    return {
      labCase: new ReactiveQueryOne<CaseRecord>(
        () => getZero()?.query.cases.where('id', id).one(),
        null,
        '5m',
      ),
      restorations: new ReactiveQuery<Restoration>(
        () => getZero()?.query.restorations.where('case_id', id).orderBy('position', 'asc'),
        [],
        '5m',
      ),
      notes: new ReactiveQuery<CaseNote>(
        () => getZero()?.query.case_notes.where('case_id', id).orderBy('created_at', 'desc'),
        [],
        '2m',
      ),
    };
  },

  /** `Case.includes('practice', 'restorations').where({ status: 'qc' })` */
  includes(...relations: Relation[]) {
    const build = (conditions: Partial<CaseRecord>) => () => {
      const zero = getZero();
      if (!zero) return null;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let query: any = zero.query.cases;
      for (const [column, value] of Object.entries(conditions)) {
        query = query.where(column, '=', value);
      }
      for (const relation of relations) {
        query = query.related(relation);
      }
      return query.orderBy('due_at', 'asc');
    };
    return {
      all: (ttl = '5m') => new ReactiveQuery<CaseWithRelations>(build({}), [], ttl),
      where: (conditions: Partial<CaseRecord>, ttl = '5m') =>
        new ReactiveQuery<CaseWithRelations>(build(conditions), [], ttl),
      find: (id: string, ttl = '5m') =>
        new ReactiveQueryOne<CaseWithRelations>(() => build({ id })()?.one(), null, ttl),
    };
  },

  /** Cases due in [from, to), not yet shipped. Used by the morning digest. */
  dueBetween(from: number, to: number, ttl = '10m'): ReactiveQuery<CaseRecord> {
    return new ReactiveQuery<CaseRecord>(
      () =>
        getZero()
          ?.query.cases.where('due_at', '>=', from)
          .where('due_at', '<', to)
          .where('status', '!=', 'shipped')
          .orderBy('due_at', 'asc'),
      [],
      ttl,
    );
  },
});
