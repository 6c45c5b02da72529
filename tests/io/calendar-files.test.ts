// Loading the working calendar (src/io/calendar-files.ts): the official files of data/holidays
// mark the statutory holidays (issue 19 item 1); a company calendar (policy.calendars) adds
// closures, but cannot make a day statutory: that is the law's, read from the official files only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { loadCalendar } from '../../src/io/calendar-files.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('statutory holidays from the calendar files', () => {
  const company = join(dir, 'company.json');
  writeFileSync(company, JSON.stringify({
    holidays: [{ date: '2027-01-01', name: '元旦', statutory: true }, { date: '2026-10-12', name: '公司年会', statutory: true }],
    workdays: [],
  }));
  const { calendar } = loadCalendar([company]);

  test.each([
    { name: 'official: National Day 2026-10-01', date: '2026-10-01', kind: 'holiday', statutory: true },
    { name: 'official: a swapped rest day 2026-10-05', date: '2026-10-05', kind: 'holiday', statutory: false },
    { name: 'company file: 2027-01-01 (no official 2027 file) is a closure, not statutory', date: '2027-01-01', kind: 'holiday', statutory: false },
    { name: 'company file: its own closure 2026-10-12, not statutory', date: '2026-10-12', kind: 'holiday', statutory: false },
  ])('$name', ({ date, kind, statutory }) => {
    expect(calendar.day(date as IsoDate).kind).toBe(kind);
    expect(calendar.isStatutoryHoliday(date as IsoDate)).toBe(statutory);
  });
});
