// The working calendar (src/domain/calendar.ts, DOMAIN.md §1.6, data/holidays/README.md): weekends,
// the official days off and swapped working days (调休) of the 2026 State Council notice, and a
// year with no calendar file (weekends only). The 2026 file is the official one, read as shipped;
// every expected count is worked out by hand in the comments (2026-10-01 is a Thursday).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCalendar, countWorkingDays, coverageWarning, eachDay, uncoveredYears, weekday, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { ROOT } from '../helpers/cli.js';

const cn2026 = JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', 'cn-2026.json'), 'utf8')) as CalendarFile;
const calendar = buildCalendar([cn2026]);
const d = (s: string): IsoDate => s as IsoDate;

describe('day', () => {
  test.each([
    { name: 'National Day, a Thursday', date: '2026-10-01', expected: 'holiday', working: false, label: '国庆节' },
    { name: 'National Day falling on a Sunday', date: '2026-10-04', expected: 'holiday', working: false, label: '国庆节' },
    { name: 'last day of the National Day break', date: '2026-10-07', expected: 'holiday', working: false, label: '国庆节' },
    { name: 'Saturday 2026-10-10, swapped working day', date: '2026-10-10', expected: 'swapped_workday', working: true, label: '国庆节调休' },
    { name: 'Sunday 2026-09-20, swapped working day', date: '2026-09-20', expected: 'swapped_workday', working: true, label: '国庆节调休' },
    { name: 'Sunday after the swapped Saturday', date: '2026-10-11', expected: 'weekend', working: false, label: null },
    { name: 'an ordinary Saturday', date: '2026-10-17', expected: 'weekend', working: false, label: null },
    { name: 'an ordinary Monday', date: '2026-10-12', expected: 'workday', working: true, label: null },
    { name: 'New Year, Thursday', date: '2026-01-01', expected: 'holiday', working: false, label: '元旦' },
    { name: 'Saturday 2026-02-14, Spring Festival swap', date: '2026-02-14', expected: 'swapped_workday', working: true, label: '春节调休' },
    { name: 'no file for 2027: National Day is an ordinary Friday', date: '2027-10-01', expected: 'workday', working: true, label: null },
    { name: 'no file for 2027: Saturday', date: '2027-10-02', expected: 'weekend', working: false, label: null },
  ])('$name → $expected', ({ date, expected, working, label }) => {
    expect(calendar.day(d(date))).toEqual({ date, kind: expected, working, name: label });
    expect(calendar.isWorkingDay(d(date))).toBe(working);
  });
});

describe('countWorkingDays', () => {
  test.each([
    // 10-01..10-07 are all days off
    { name: 'the National Day break', from: '2026-10-01', to: '2026-10-07', expected: 0 },
    // Mon 09-28, Tue 09-29, Wed 09-30 = 3; 10-01..10-07 off; Thu 10-08, Fri 10-09 = 2 → 5
    { name: 'a leave period spanning the break', from: '2026-09-28', to: '2026-10-09', expected: 5 },
    // Thu 10-08, Fri 10-09, Sat 10-10 (swapped, working), Sun 10-11 off, Mon 10-12 → 4
    { name: 'a leave period with the swapped Saturday', from: '2026-10-08', to: '2026-10-12', expected: 4 },
    // Sat 09-19 off, Sun 09-20 swapped working → 1
    { name: 'a weekend with a swapped Sunday', from: '2026-09-19', to: '2026-09-20', expected: 1 },
    // Mon 10-12 .. Sun 10-18: five weekdays, an ordinary weekend
    { name: 'an ordinary week', from: '2026-10-12', to: '2026-10-18', expected: 5 },
    // 365 days − 104 weekend days = 261 weekdays; − 19 holidays on weekdays + 6 swapped = 248
    { name: 'the whole of 2026', from: '2026-01-01', to: '2026-12-31', expected: 248 },
    { name: 'one working day', from: '2026-10-12', to: '2026-10-12', expected: 1 },
    { name: 'end before start', from: '2026-10-12', to: '2026-10-11', expected: 0 },
    // no 2027 file: Fri 10-01, Mon 10-04 .. Thu 10-07 = 5 (weekends only)
    { name: '2027 without a calendar file: weekends only', from: '2027-10-01', to: '2027-10-07', expected: 5 },
    // Mon 2026-12-28 .. Sun 2027-01-03: Mon–Thu in 2026 (4) + Fri 2027-01-01 (no 2027 file) = 5
    { name: 'across into a year without a file', from: '2026-12-28', to: '2027-01-03', expected: 5 },
  ])('$name → $expected', ({ from, to, expected }) => {
    expect(countWorkingDays(calendar, d(from), d(to))).toBe(expected);
  });
});

describe('calendar coverage and helpers', () => {
  test('2026 is covered, 2027 is not', () => {
    expect([...calendar.coveredYears]).toEqual([2026]);
    expect(uncoveredYears(calendar, d('2026-12-01'), d('2027-01-31'))).toEqual([2027]);
  });

  // The one text of the warning that leave, calendar and training plan commands print (issue 19 item 1).
  test.each([
    { name: 'a month of a covered year', from: '2026-10-01', to: '2026-10-01', expected: null },
    { name: 'a month of 2027', from: '2027-03-01', to: '2027-03-01', expected: 'warning: no official holiday calendar for 2027 in data/holidays: weekends only there' },
    { name: 'across into 2027', from: '2026-12-01', to: '2027-01-31', expected: 'warning: no official holiday calendar for 2027 in data/holidays: weekends only there' },
    { name: 'two years without', from: '2027-01-01', to: '2028-12-31', expected: 'warning: no official holiday calendar for 2027, 2028 in data/holidays: weekends only there' },
  ])('coverageWarning, $name → $expected', ({ from, to, expected }) => {
    expect(coverageWarning(calendar, d(from), d(to))).toBe(expected);
  });

  test('weekday: 2026-10-01 is a Thursday, 2026-10-10 a Saturday', () => {
    expect(weekday(d('2026-10-01'))).toBe(4);
    expect(weekday(d('2026-10-10'))).toBe(6);
  });

  test('eachDay crosses a month end', () => {
    expect([...eachDay(d('2026-09-29'), d('2026-10-02'))]).toEqual(['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02']);
  });

  test('a company file can add a closure day', () => {
    const company = buildCalendar([cn2026, { holidays: [{ date: '2026-10-12', name: '公司年会' }], workdays: [] }]);
    expect(countWorkingDays(company, d('2026-10-08'), d('2026-10-12'))).toBe(3);
  });

  test('a date both off and working is refused', () => {
    expect(() => buildCalendar([{ holidays: [{ date: '2026-10-10', name: 'x' }], workdays: [{ date: '2026-10-10', name: 'y' }] }])).toThrow(
      'calendar: 2026-10-10 is both a day off and a working day',
    );
  });
});

// Statutory holidays (法定节假日) are data, not code (issue 19 item 1): `"statutory": true` on the
// days off of data/holidays/cn-YYYY.json that 《全国年节及纪念日放假办法》 art.2 names (11 days
// under the 2013 text, in force to 2024; 13 from 2025: 除夕 and 05-02 added). Every official file
// is checked, so a year is added with one file. (Moved here from tests/domain/bonus.test.ts.)
describe('statutory holidays (放假办法 art.2)', () => {
  const dir = join(ROOT, 'data', 'holidays');
  const official = readdirSync(dir).filter((n) => /^cn-\d{4}\.json$/.test(n)).map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as CalendarFile);
  const all = buildCalendar(official);
  const statutoryOf = (year: number): string[] => [...eachDay(d(`${year}-01-01`), d(`${year}-12-31`))].filter((day) => all.isStatutoryHoliday(day));

  test.each(official.map((f) => ({ year: f.year as number, expected: (f.year as number) < 2025 ? 11 : 13 })))('$year has $expected statutory days, each a day off in the official calendar', ({ year, expected }) => {
    const days = statutoryOf(year);
    expect(days.length).toBe(expected);
    expect(days.filter((day) => all.day(d(day)).kind !== 'holiday')).toEqual([]);
  });

  test.each([
    // 2013 text: 元旦, 春节 初一–初三, 清明, 劳动节 05-01, 端午, 中秋, 国庆节 10-01–03
    { year: 2024, expected: ['2024-01-01', '2024-02-10', '2024-02-11', '2024-02-12', '2024-04-04', '2024-05-01', '2024-06-10', '2024-09-17', '2024-10-01', '2024-10-02', '2024-10-03'] },
    // 2024 text, in force 2025: 除夕 and 05-02 too; 中秋 10-06 inside the 国庆节、中秋节 break
    { year: 2025, expected: ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-04', '2025-05-01', '2025-05-02', '2025-05-31', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06'] },
    { year: 2026, expected: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-04-05', '2026-05-01', '2026-05-02', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03'] },
  ])('$year: the statutory days', ({ year, expected }) => {
    expect(statutoryOf(year)).toEqual(expected);
  });

  test.each([
    { name: 'a swapped rest day of the break (2026-10-05)', date: '2026-10-05', expected: false },
    { name: 'a statutory Saturday (2026-10-03)', date: '2026-10-03', expected: true },
    { name: '2024-02-09, 除夕 before it was statutory', date: '2024-02-09', expected: false },
    { name: 'an ordinary working day', date: '2026-10-12', expected: false },
    { name: 'a year with no official file (2027-01-01)', date: '2027-01-01', expected: false },
  ])('isStatutoryHoliday: $name → $expected', ({ date, expected }) => {
    expect(all.isStatutoryHoliday(d(date))).toBe(expected);
  });

  test('a "statutory" that is not true or false is refused', () => {
    expect(() => buildCalendar([{ holidays: [{ date: '2026-10-01', name: '国庆节', statutory: 'yes' as unknown as boolean }], workdays: [] }])).toThrow(
      'calendar: 2026-10-01: "statutory" must be true or false',
    );
  });
});
