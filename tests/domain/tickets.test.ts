import { describe, expect, test } from 'vitest';
import { assessTicket, percentile } from '../../src/domain/tickets.js';

const RULES = { legal_limit_days: 7, due_soon_hours: 24 };
// 2026-10-31 23:59:00 Asia/Shanghai = 2026-10-31 15:59:00 UTC
const OPENED = Date.UTC(2026, 9, 31, 15, 59) / 1000;
const LIMIT = OPENED + 7 * 86400; // 2026-11-07 23:59:00 local
const H = 3600;

describe('assessTicket (快递暂行条例 art.28: 7 days from receipt)', () => {
  test.each([
    { name: 'resolved exactly at the 7-day limit', resolved: LIMIT, promised: null, expected: 'resolved_on_time', legal: false },
    { name: 'resolved one second after the limit', resolved: LIMIT + 1, promised: null, expected: 'resolved_late', legal: true },
    { name: 'resolved after its promise, within the limit', resolved: OPENED + 30 * H, promised: OPENED + 24 * H, expected: 'resolved_late', legal: false },
    { name: 'resolved before its promise', resolved: OPENED + 20 * H, promised: OPENED + 24 * H, expected: 'resolved_on_time', legal: false },
  ])('$name → $expected', ({ resolved, promised, expected, legal }) => {
    const a = assessTicket({ opened_at: OPENED, promised_at: promised, resolved_at: resolved }, resolved, RULES);
    expect(a.status).toBe(expected);
    expect(a.late_against_legal_limit).toBe(legal);
    expect(a.legal_deadline).toBe(LIMIT);
  });

  test.each([
    { name: 'a day after opening', asOf: OPENED + 24 * H, expected: 'open' },
    { name: '24 h before the limit (due soon starts)', asOf: LIMIT - 24 * H, expected: 'due_soon' },
    { name: 'exactly at the limit', asOf: LIMIT, expected: 'due_soon' },
    { name: 'one second past the limit', asOf: LIMIT + 1, expected: 'overdue' },
  ])('open ticket, as of $name → $expected', ({ asOf, expected }) => {
    expect(assessTicket({ opened_at: OPENED, promised_at: null, resolved_at: null }, asOf, RULES).status).toBe(expected);
  });

  test('a promise earlier than the legal limit is the deadline of an open ticket', () => {
    const promised = OPENED + 48 * H;
    const a = assessTicket({ opened_at: OPENED, promised_at: promised, resolved_at: null }, promised + 1, RULES);
    expect(a).toEqual({ legal_deadline: LIMIT, deadline: promised, status: 'overdue', late_against_promise: true, late_against_legal_limit: false, age_hours: 48 });
  });

  test('a promise later than the legal limit does not extend it', () => {
    const a = assessTicket({ opened_at: OPENED, promised_at: LIMIT + 86400, resolved_at: null }, LIMIT + 60, RULES);
    expect(a.deadline).toBe(LIMIT);
    expect(a.status).toBe('overdue');
    expect(a.late_against_promise).toBe(false);
  });
});

describe('percentile (linear between closest ranks)', () => {
  test.each([
    { name: 'median of 4', values: [10, 2, 4, 8], p: 50, expected: 6 }, // sorted 2 4 8 10: rank 1.5 → 4 + 0.5 × 4
    { name: 'p90 of 4', values: [10, 2, 4, 8], p: 90, expected: 9.4 }, // rank 2.7 → 8 + 0.7 × 2
    { name: 'one value', values: [168], p: 90, expected: 168 },
    { name: 'none', values: [], p: 50, expected: null },
  ])('$name → $expected', ({ values, p, expected }) => {
    const v = percentile(values, p);
    expect(v === null ? null : Math.round(v * 1e9) / 1e9).toBe(expected);
  });
});
