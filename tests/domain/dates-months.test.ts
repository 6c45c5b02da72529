// The month helpers of src/domain/dates.ts (issue 19 item 1, "each rule once"): every report,
// appraisal, leave, training, bonus and purge rule takes its month arithmetic from here. Month
// and year boundaries, leap years (2024, 2000) and a common century year (1900) are covered.
import { describe, expect, test } from 'vitest';
import {
  addMonths, dateParts, daysOf, firstDayOf, firstDayOfYear, lastDayOf, lastDayOfYear, monthIndex, monthOf, monthsBetween, monthsEndingAt, monthsOfYear, parseIsoMonth,
  type IsoDate, type IsoMonth,
} from '../../src/domain/dates.js';

const M = (s: string): IsoMonth => s as IsoMonth;
const D = (s: string): IsoDate => s as IsoDate;

describe('first and last day of a month', () => {
  test.each([
    { name: 'October', month: '2026-10', first: '2026-10-01', last: '2026-10-31' },
    { name: 'November (30 days)', month: '2026-11', first: '2026-11-01', last: '2026-11-30' },
    { name: 'February of a common year', month: '2026-02', first: '2026-02-01', last: '2026-02-28' },
    { name: 'February of a leap year', month: '2024-02', first: '2024-02-01', last: '2024-02-29' },
    { name: 'February 2000 (leap: divisible by 400)', month: '2000-02', first: '2000-02-01', last: '2000-02-29' },
    { name: 'February 1900 (not leap: divisible by 100)', month: '1900-02', first: '1900-02-01', last: '1900-02-28' },
    { name: 'December', month: '2026-12', first: '2026-12-01', last: '2026-12-31' },
  ])('$name → $first..$last', ({ month, first, last }) => {
    expect(firstDayOf(M(month))).toBe(first);
    expect(lastDayOf(M(month))).toBe(last);
  });
});

describe('addMonths: the month n after (or before) a month', () => {
  test.each([
    { name: 'next month', month: '2026-10', n: 1, expected: '2026-11' },
    { name: 'previous month', month: '2026-10', n: -1, expected: '2026-09' },
    { name: 'December → January', month: '2025-12', n: 1, expected: '2026-01' },
    { name: 'January → December', month: '2026-01', n: -1, expected: '2025-12' },
    { name: 'a year back', month: '2026-03', n: -12, expected: '2025-03' },
    { name: 'eleven back across a year', month: '2026-05', n: -11, expected: '2025-06' },
    { name: 'none', month: '2026-05', n: 0, expected: '2026-05' },
    { name: 'ten years on', month: '2026-05', n: 120, expected: '2036-05' },
  ])('$name: $month + $n → $expected', ({ month, n, expected }) => {
    expect(addMonths(M(month), n)).toBe(expected);
  });
});

describe('months between, the month index, the months ending at a month', () => {
  test.each([
    { name: 'the same month', from: '2026-10', to: '2026-10', expected: 0 },
    { name: 'the next month', from: '2026-10', to: '2026-11', expected: 1 },
    { name: 'across a year end', from: '2025-12', to: '2026-01', expected: 1 },
    { name: 'two years', from: '2024-06', to: '2026-06', expected: 24 },
    { name: 'backwards', from: '2026-01', to: '2025-11', expected: -2 },
  ])('$name: $from → $to = $expected', ({ from, to, expected }) => {
    expect(monthsBetween(M(from), M(to))).toBe(expected);
  });

  test('monthIndex counts months from 0000-01: 2026-01 is 2026 × 12', () => {
    expect(monthIndex(M('2026-01'))).toBe(24312);
    expect(monthIndex(M('2026-10'))).toBe(24321);
  });

  test.each([
    { name: 'three months across a year end', month: '2026-01', n: 3, expected: ['2025-11', '2025-12', '2026-01'] },
    { name: 'one month', month: '2026-10', n: 1, expected: ['2026-10'] },
    { name: 'none', month: '2026-10', n: 0, expected: [] },
  ])('monthsEndingAt $month, $n → $expected', ({ month, n, expected }) => {
    expect(monthsEndingAt(M(month), n)).toEqual(expected);
  });
});

describe('the month of a date, the days of a month, the months and bounds of a year', () => {
  test.each([
    { date: '2026-10-31', expected: '2026-10' },
    { date: '2024-02-29', expected: '2024-02' },
    { date: '2027-01-01', expected: '2027-01' },
  ])('monthOf $date → $expected', ({ date, expected }) => {
    expect(monthOf(D(date))).toBe(expected);
  });

  test('daysOf a leap February: 29 days, in order', () => {
    const days = daysOf(M('2024-02'));
    expect(days.length).toBe(29);
    expect([days[0], days[9], days[28]]).toEqual(['2024-02-01', '2024-02-10', '2024-02-29']);
  });

  test.each([
    { month: '2026-02', expected: 28 },
    { month: '2026-10', expected: 31 },
    { month: '2026-11', expected: 30 },
  ])('daysOf $month: $expected days', ({ month, expected }) => {
    expect(daysOf(M(month)).length).toBe(expected);
  });

  test('monthsOfYear 2026: 2026-01 … 2026-12', () => {
    expect(monthsOfYear(2026)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  test('the first and last day of a year', () => {
    expect([firstDayOfYear(2026), lastDayOfYear(2026)]).toEqual(['2026-01-01', '2026-12-31']);
  });

  test('dateParts of 2024-02-29', () => {
    expect(dateParts(D('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

// One month parser for the command line and the CSV imports (issue 19 item 1): years 1900–2999 as
// for dates. Options take `YYYY-MM` only ('iso'); the month column of an import also takes the
// spellings other systems export ('export'; io/values.ts makes full-width digits ASCII first).
describe('parseIsoMonth', () => {
  test.each([
    { name: 'YYYY-MM', text: '2026-10', expected: '2026-10' },
    { name: 'the first year', text: '1900-01', expected: '1900-01' },
    { name: 'the last year', text: '2999-12', expected: '2999-12' },
    { name: 'year 1899', text: '1899-12', expected: undefined },
    { name: 'year 3000', text: '3000-01', expected: undefined },
    { name: 'year 9999', text: '9999-12', expected: undefined },
    { name: 'year 0000', text: '0000-01', expected: undefined },
    { name: 'month 13', text: '2026-13', expected: undefined },
    { name: 'month 00', text: '2026-00', expected: undefined },
    { name: 'one-digit month', text: '2026-1', expected: undefined },
    { name: 'a slash', text: '2026/10', expected: undefined },
    { name: 'Chinese', text: '2026年10月', expected: undefined },
    { name: 'a date', text: '2026-10-01', expected: undefined },
    { name: 'empty', text: '', expected: undefined },
  ])("'iso' (options): $name → $expected", ({ text, expected }) => {
    expect(parseIsoMonth(text)).toBe(expected);
    expect(parseIsoMonth(text, 'iso')).toBe(expected);
  });

  test.each([
    { name: 'YYYY-MM', text: '2026-10', expected: '2026-10' },
    { name: 'YYYY-M', text: '2026-1', expected: '2026-01' },
    { name: 'YYYY/M', text: '2026/9', expected: '2026-09' },
    { name: 'YYYY/MM', text: '2026/10', expected: '2026-10' },
    { name: 'YYYY.M', text: '2026.3', expected: '2026-03' },
    { name: 'YYYY年M月', text: '2026年9月', expected: '2026-09' },
    { name: 'YYYY年MM月', text: '2026年10月', expected: '2026-10' },
    { name: 'year 1899', text: '1899-12', expected: undefined },
    { name: 'year 3000', text: '3000-01', expected: undefined },
    { name: 'year 0000', text: '0000-01', expected: undefined },
    { name: 'month 13', text: '2026-13', expected: undefined },
    { name: 'month 0', text: '2026/0', expected: undefined },
    { name: 'three-digit month', text: '2026-100', expected: undefined },
    { name: 'month first', text: '10/2026', expected: undefined },
    { name: 'a date', text: '2026-10-01', expected: undefined },
  ])("'export' (CSV month column): $name → $expected", ({ text, expected }) => {
    expect(parseIsoMonth(text, 'export')).toBe(expected);
  });
});
