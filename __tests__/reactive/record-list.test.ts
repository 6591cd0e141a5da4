/**
 * RecordList carries records over between two snapshots of a collection. The snapshots here follow Zero's rules (a new
 * row object for every changed row, kept rows in their relative order); the live path over a real Zero is covered in
 * runes.svelte.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { defineModel } from '../../runtime/index.ts';
import { RecordList } from '../../runtime/reactive/record.ts';
import { RECORD_VALUES } from '../../runtime/core/column-getters.ts';
import type { RowData } from '../../runtime/core/zero-types.ts';
import { schema } from '../support/zero.ts';

const model = defineModel({ schema, table: 'jobs' });

/** A deterministic PRNG (mulberry32) so a failure names a reproducible seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let nextId = 0;
const row = (): RowData => Object.freeze({ id: `r${nextId++}`, title: 't' });

/** What Zero would hand out after `changes` random inserts, deletes and edits (edits are new row objects in place). */
function changed(rows: readonly RowData[], changes: number, rand: () => number, bulk = false): RowData[] {
  const next = [...rows];
  for (let c = 0; c < changes; c++) {
    const at = Math.floor(rand() * (next.length + 1));
    const kind = next.length === 0 ? 0 : Math.floor(rand() * 3);
    if (kind === 0) next.splice(at, 0, ...(bulk ? Array.from({ length: 40 }, row) : [row()]));
    else if (kind === 1) next.splice(Math.min(at, next.length - 1), bulk ? 40 : 1);
    else next[Math.min(at, next.length - 1)] = row();
  }
  return next;
}

/** Every record wraps its own row; a row kept from `before` keeps its record, every other row gets a new one. */
function expectCarriedOver(before: readonly RowData[], beforeRecords: readonly object[], after: readonly RowData[], records: readonly object[]): void {
  const previous = new Map(before.map((r, i) => [r, beforeRecords[i]!]));
  const old = new Set(beforeRecords);
  const wrong: string[] = [];
  expect(records).toHaveLength(after.length);
  after.forEach((r, i) => {
    const record = records[i] as { [RECORD_VALUES]: RowData };
    if (record[RECORD_VALUES] !== r) wrong.push(`${i}: wraps another row`);
    else if (previous.has(r) ? record !== previous.get(r) : old.has(record)) wrong.push(`${i}: ${previous.has(r) ? 'kept row lost its record' : 'new row reuses a record'}`);
  });
  expect(wrong).toEqual([]);
}

describe('RecordList', () => {
  test.each([
    ['a few changes, near each other', 3, false],
    ['many scattered changes', 25, false],
    ['bulk inserts and deletes past the lookahead', 4, true],
  ])('%s: kept rows keep their records, replaced rows get new ones', (_name, changes, bulk) => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = random(seed);
      const list = new RecordList();
      let rows: readonly RowData[] = Array.from({ length: Math.floor(rand() * 200) }, row);
      let records = list.records(model, rows);
      for (let step = 0; step < 10; step++) {
        const next = changed(rows, changes, rand, bulk);
        const nextRecords = list.records(model, next);
        expectCarriedOver(rows, records, next, nextRecords);
        [rows, records] = [next, nextRecords];
      }
    }
  });

  test('the same snapshot gives the same records array; appending and emptying work at the ends', () => {
    const list = new RecordList();
    const rows = Array.from({ length: 5 }, row);
    const records = list.records(model, rows);
    expect(list.records(model, rows)).toBe(records);
    const appended = [...rows, ...Array.from({ length: 30 }, row)];
    expectCarriedOver(rows, records, appended, list.records(model, appended));
    expect(list.records(model, [])).toEqual([]);
  });

  test.each([
    ['the first row replaced', (rows: RowData[]) => rows.with(0, row())],
    ['the last row replaced', (rows: RowData[]) => rows.with(-1, row())],
    ['a row inserted first', (rows: RowData[]) => [row(), ...rows]],
    ['the last two rows removed', (rows: RowData[]) => rows.slice(0, -2)],
    ['every row kept, in a new array', (rows: RowData[]) => [...rows]],
    ['one row in the middle replaced by three', (rows: RowData[]) => rows.toSpliced(4, 1, row(), row(), row())],
  ])('a change at the ends or in the middle, around a shared head and tail: %s', (_name, change) => {
    const list = new RecordList();
    const rows = Array.from({ length: 9 }, row);
    const records = list.records(model, rows);
    const next = change(rows);
    expectCarriedOver(rows, records, next, list.records(model, next));
  });

  test('rows out of their previous relative order still get records of their own rows', () => {
    const list = new RecordList();
    const rows = Array.from({ length: 6 }, row);
    list.records(model, rows);
    const reversed = [...rows].reverse();
    const records = list.records(model, reversed) as readonly { [RECORD_VALUES]: RowData }[];
    expect(records.map((record) => record[RECORD_VALUES])).toEqual(reversed);
  });
});
