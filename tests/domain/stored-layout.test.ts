// The stored-column layout of a kind (src/domain/kinds.ts storedLayout), computed in one place:
// the columns of a stored row in order, where each field's value stands among them (the row
// plan writes values there), and the columns a file with only some fields provides (an update
// of an existing row changes only those).
import { describe, expect, test } from 'vitest';
import { CALLS, KIND_SPECS, LEAVE, OPERATORS, TICKETS, storedColumns, storedLayout } from '../../src/domain/kinds.js';

describe('storedLayout', () => {
  test('calls: started_at is followed by its local day and hour, so operator_id stands at 4', () => {
    const layout = storedLayout(CALLS);
    expect(layout.columns.slice(0, 5)).toEqual(['call_id', 'started_at', 'local_day', 'local_hour', 'operator_id']);
    expect(layout.slots.slice(0, 4)).toEqual([0, 1, 4, 5]);
    expect(layout.slots).toHaveLength(CALLS.fields.length);
  });

  test('leave: the derived key stands first, each field one place later', () => {
    const layout = storedLayout(LEAVE);
    expect(layout.columns).toEqual(['leave_id', 'operator_id', 'type', 'start_date', 'end_date', 'days', 'wage_deducted']);
    expect(layout.slots).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('tickets: resolved_at keeps its day in resolved_day', () => {
    const layout = storedLayout(TICKETS);
    const resolved = TICKETS.fields.findIndex((f) => f.name === 'resolved_at');
    expect(layout.columns.slice(layout.slots[resolved], (layout.slots[resolved] as number) + 2)).toEqual(['resolved_at', 'resolved_day']);
  });

  test.each(Object.values(KIND_SPECS).map((spec) => ({ name: spec.kind, spec })))('$name: every field at its own slot, the columns those of storedColumns', ({ spec }) => {
    const layout = storedLayout(spec);
    expect(layout.columns).toEqual(storedColumns(spec));
    expect(spec.fields.map((f, i) => layout.columns[layout.slots[i] as number])).toEqual(spec.fields.map((f) => f.name));
  });
});

describe('storedLayout present: the columns a file with some of the fields provides', () => {
  test('calls without talk_seconds: started_at brings local_day and local_hour', () => {
    const has = new Set(['call_id', 'started_at', 'outcome', 'operator_id']);
    expect(storedLayout(CALLS).present((f) => has.has(f))).toEqual(['call_id', 'started_at', 'local_day', 'local_hour', 'operator_id', 'outcome']);
  });

  test('leave: the derived key is always present', () => {
    const has = new Set(['operator_id', 'type', 'start_date', 'end_date']);
    expect(storedLayout(LEAVE).present((f) => has.has(f))).toEqual(['leave_id', 'operator_id', 'type', 'start_date', 'end_date']);
  });

  test('tickets without resolved_at: no resolved_day', () => {
    const has = new Set(['ticket_id', 'kind', 'opened_at', 'operator_id']);
    expect(storedLayout(TICKETS).present((f) => has.has(f))).toEqual(['ticket_id', 'kind', 'opened_at', 'local_day', 'operator_id']);
  });

  test('operators with every field: all the stored columns', () => {
    expect(storedLayout(OPERATORS).present(() => true)).toEqual(storedColumns(OPERATORS));
  });
});
