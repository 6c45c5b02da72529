// Statutory paid annual leave (src/domain/leave.ts, PRODUCT.md §4.5, DOMAIN.md §1, docs/leave.md).
// Every expected number is worked out by hand from the regulation in the row's comment:
// REG = 职工带薪年休假条例, MEA = 企业职工带薪年休假实施办法, CIV = 民法典. Pro rata is
// floor(Σ days × band / 365) in integers, days inclusive, 365 even in leap years. The working
// calendar is the official one (data/holidays/cn-2024..2026.json, read as shipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCalendar, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate } from '../../src/domain/dates.js';
import {
  DEFAULT_LEAVE_POLICY,
  bandForYears,
  completedYears,
  computeBalance,
  computeEntitlement,
  computeSettlement,
  recordDays,
  type BandChange,
  type LeaveEmployee,
  type LeavePolicy,
  type LeaveRecord,
  type LeaveType,
} from '../../src/domain/leave.js';
import { ROOT } from '../helpers/cli.js';

const calendar = buildCalendar(
  [2024, 2025, 2026].map((y) => JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', `cn-${y}.json`), 'utf8')) as CalendarFile),
);
const d = (s: string): IsoDate => s as IsoDate;

/** An operator; work_start_date defaults to the hire date. */
function emp(f: { hire: string; work?: string; term?: string; wage?: number }): LeaveEmployee {
  return {
    operator_id: '1001',
    name: '张三',
    hire_date: d(f.hire),
    work_start_date: d(f.work ?? f.hire),
    termination_date: f.term === undefined ? null : d(f.term),
    monthly_wage: f.wage ?? null,
  };
}

function rec(type: LeaveType, start: string, end: string, more: { days?: number; wage_deducted?: boolean | null } = {}): LeaveRecord {
  return { type, start_date: d(start), end_date: d(end), days: more.days ?? null, wage_deducted: more.wage_deducted ?? null };
}

const policy = (p: Partial<LeavePolicy> = {}): LeavePolicy => ({ ...DEFAULT_LEAVE_POLICY, ...p });

/** Five years' service all through 2024–2026: band 5. */
const BAND5 = emp({ hire: '2020-01-01' });
/** 15 years' service in 2025 (first job 2010): band 10. */
const BAND10 = emp({ hire: '2015-01-01', work: '2010-01-01' });
/** 25 years' service in 2025: band 15. */
const BAND15 = emp({ hire: '2000-01-01' });

describe('completedYears (CIV art.1259: the anniversary day counts as complete)', () => {
  test.each([
    { name: 'on the 10th anniversary', start: '2015-07-01', date: '2025-07-01', expected: 10 },
    { name: 'the day before the 10th anniversary', start: '2015-07-01', date: '2025-06-30', expected: 9 },
    { name: 'on the 1st anniversary', start: '2024-07-01', date: '2025-07-01', expected: 1 },
    { name: 'on the 20th anniversary', start: '2005-05-20', date: '2025-05-20', expected: 20 },
    // CIV art.202: no 02-29 in 2025, so the period ends on the month's last day, 02-28
    { name: '02-29 start, common year: 02-28 is the anniversary', start: '2024-02-29', date: '2025-02-28', expected: 1 },
    { name: '02-29 start, common year: 02-27', start: '2024-02-29', date: '2025-02-27', expected: 0 },
    { name: '02-29 start, leap year: 02-28 is not yet', start: '2024-02-29', date: '2028-02-28', expected: 3 },
    { name: '02-29 start, leap year: 02-29', start: '2024-02-29', date: '2028-02-29', expected: 4 },
    { name: 'date before the start', start: '2025-07-01', date: '2025-01-01', expected: 0 },
  ])('$name → $expected', ({ start, date, expected }) => {
    expect(completedYears(d(start), d(date))).toBe(expected);
  });
});

describe('bandForYears (REG art.3)', () => {
  test.each([
    { name: 'under 1 year', years: 0, expected: 0 },
    { name: '1 year', years: 1, expected: 5 },
    { name: '9 years', years: 9, expected: 5 },
    { name: '10 years', years: 10, expected: 10 },
    { name: '19 years', years: 19, expected: 10 },
    { name: '20 years', years: 20, expected: 15 },
    { name: '40 years', years: 40, expected: 15 },
  ])('$name → $expected', ({ years, expected }) => {
    expect(bandForYears(years)).toBe(expected);
  });
});

interface EntitlementRow {
  name: string;
  hire: string;
  work?: string;
  term?: string;
  year: number;
  mode?: BandChange;
  expected: number;
  bands: number[];
  cumulative: number;
  basis: string;
}

describe('computeEntitlement (REG art.3, MEA arts.5 and 12, leave.band_change)', () => {
  test.each<EntitlementRow>([
    // first job 2020-03-01: 4 full years on 2025-01-01, band 5 all year
    { name: 'band 5, full year', hire: '2020-03-01', year: 2025, expected: 5, bands: [5], cumulative: 4, basis: 'full year at band 5 → 5' },
    // 15 years by 2025-01-01 (first job 2010 elsewhere), band 10 all year
    { name: 'band 10, full year, service elsewhere counts', hire: '2018-05-01', work: '2010-01-01', year: 2025, expected: 10, bands: [10], cumulative: 15, basis: 'full year at band 10 → 10' },
    { name: 'band 15, full year', hire: '2000-01-01', year: 2025, expected: 15, bands: [15], cumulative: 25, basis: 'full year at band 15 → 15' },
    // hired 2025-01-01 with no earlier job: 1 year only on 2026-01-01
    { name: 'first job on 1 Jan: under 1 year all year', hire: '2025-01-01', year: 2025, expected: 0, bands: [0], cumulative: 0, basis: 'under 1 year of work → 0' },
    // 07-01..12-31 = 184 days; 184 × 5 = 920; 920 / 365 = 2.52 → 2
    { name: 'new hire mid-year', hire: '2025-07-01', work: '2020-01-01', year: 2025, expected: 2, bands: [5], cumulative: 5, basis: 'hired 2025-07-01: 184/365 × 5 = 2.52 → 2' },
    // 2025-01-02..12-31 = 364 days; 1820 / 365 = 4.98 → 4
    { name: 'new hire on 2 Jan, common year', hire: '2025-01-02', work: '2020-01-01', year: 2025, expected: 4, bands: [5], cumulative: 5, basis: 'hired 2025-01-02: 364/365 × 5 = 4.98 → 4' },
    // 2024-01-02..12-31 = 365 days (leap year); 1825 / 365 = 5
    { name: 'new hire on 2 Jan, leap year', hire: '2024-01-02', work: '2019-01-01', year: 2024, expected: 5, bands: [5], cumulative: 5, basis: 'hired 2024-01-02: 365/365 × 5 = 5.00 → 5' },
    // the whole leap year (366 days) is the band, not 366/365
    { name: 'new hire on 1 Jan, leap year', hire: '2024-01-01', work: '2019-01-01', year: 2024, expected: 5, bands: [5], cumulative: 5, basis: 'full year at band 5 → 5' },
    { name: 'new hire on 1 Jan, common year', hire: '2025-01-01', work: '2019-01-01', year: 2025, expected: 5, bands: [5], cumulative: 6, basis: 'full year at band 5 → 5' },
    // 1 day × 15 = 15; 15 / 365 = 0.04 → 0
    { name: 'new hire on 31 Dec, common year', hire: '2025-12-31', work: '2000-01-01', year: 2025, expected: 0, bands: [15], cumulative: 25, basis: 'hired 2025-12-31: 1/365 × 15 = 0.04 → 0' },
    { name: 'new hire on 31 Dec, leap year', hire: '2024-12-31', work: '2019-01-01', year: 2024, expected: 0, bands: [5], cumulative: 5, basis: 'hired 2024-12-31: 1/365 × 5 = 0.01 → 0' },
    // 10-20..12-31 = 12 + 30 + 31 = 73 days; 73 × 5 = 365; 365 / 365 = 1 exactly
    { name: '73 × 5 / 365 = 1 exactly', hire: '2025-10-20', work: '2020-01-01', year: 2025, expected: 1, bands: [5], cumulative: 5, basis: 'hired 2025-10-20: 73/365 × 5 = 1.00 → 1' },
    // one day later: 72 × 5 = 360 < 365 → 0
    { name: '72 × 5 / 365 → 0', hire: '2025-10-21', work: '2020-01-01', year: 2025, expected: 0, bands: [5], cumulative: 5, basis: 'hired 2025-10-21: 72/365 × 5 = 0.98 → 0' },
    // DOMAIN §1.3: 13 years elsewhere, joins 04-15: 261 days; 2610 / 365 = 7.15 → 7
    { name: 'new hire at band 10', hire: '2025-04-15', work: '2012-01-01', year: 2025, expected: 7, bands: [10], cumulative: 13, basis: 'hired 2025-04-15: 261/365 × 10 = 7.15 → 7' },
    // first year of eligibility (DOMAIN §1.4): first job 2024-07-01; 01-01..06-30 = 181 days at 0,
    // 07-01..12-31 = 184 at 5; (0 + 920) / 365 = 2.52 → 2; higher → 5; jan1 (band 0 on 1 Jan) → 0
    { name: 'first year of eligibility, split', hire: '2024-07-01', year: 2025, expected: 2, bands: [0, 5], cumulative: 0, basis: '1 year on 2025-07-01: 181/365 × 0 + 184/365 × 5 = 920/365 = 2.52 → 2' },
    { name: 'first year of eligibility, higher', hire: '2024-07-01', year: 2025, mode: 'higher', expected: 5, bands: [0, 5], cumulative: 0, basis: '1 year on 2025-07-01, leave.band_change higher: full year at band 5 → 5' },
    { name: 'first year of eligibility, jan1', hire: '2024-07-01', year: 2025, mode: 'jan1', expected: 0, bands: [0, 5], cumulative: 0, basis: '1 year on 2025-07-01, leave.band_change jan1: full year at band 0 → 0' },
    // 10 years on 2025-07-01: 181 × 5 + 184 × 10 = 905 + 1840 = 2745; 2745 / 365 = 7.52 → 7; higher 10; jan1 5
    { name: 'band 5 → 10 mid-year, split', hire: '2016-01-01', work: '2015-07-01', year: 2025, expected: 7, bands: [5, 10], cumulative: 9, basis: '10 years on 2025-07-01: 181/365 × 5 + 184/365 × 10 = 2745/365 = 7.52 → 7' },
    { name: 'band 5 → 10 mid-year, higher', hire: '2016-01-01', work: '2015-07-01', year: 2025, mode: 'higher', expected: 10, bands: [5, 10], cumulative: 9, basis: '10 years on 2025-07-01, leave.band_change higher: full year at band 10 → 10' },
    { name: 'band 5 → 10 mid-year, jan1', hire: '2016-01-01', work: '2015-07-01', year: 2025, mode: 'jan1', expected: 5, bands: [5, 10], cumulative: 9, basis: '10 years on 2025-07-01, leave.band_change jan1: full year at band 5 → 5' },
    // 20 years on 2025-05-20: 01-01..05-19 = 31+28+31+30+19 = 139 at 10, 226 at 15;
    // 1390 + 3390 = 4780; 4780 / 365 = 13.09 → 13
    { name: 'band 10 → 15 mid-year, split', hire: '2006-01-01', work: '2005-05-20', year: 2025, expected: 13, bands: [10, 15], cumulative: 19, basis: '20 years on 2025-05-20: 139/365 × 10 + 226/365 × 15 = 4780/365 = 13.09 → 13' },
    // DOMAIN §1.4: 140 d at 5 + 225 d at 10 = 700 + 2250 = 2950 / 365 = 8.08 → 8 (floored once;
    // flooring each part would give 1 + 6 = 7)
    { name: 'split floors once, not per part', hire: '2016-01-01', work: '2015-05-21', year: 2025, expected: 8, bands: [5, 10], cumulative: 9, basis: '10 years on 2025-05-21: 140/365 × 5 + 225/365 × 10 = 2950/365 = 8.08 → 8' },
    // anniversary on 1 Jan: the new band holds the whole year
    { name: 'anniversary on 1 Jan', hire: '2015-01-01', year: 2025, expected: 10, bands: [10], cumulative: 10, basis: 'full year at band 10 → 10' },
    // anniversary on 2 Jan, common year: 1 × 5 + 364 × 10 = 3645 / 365 = 9.986 → 9 (9.98, truncated)
    { name: 'anniversary on 2 Jan, common year', hire: '2015-01-02', year: 2025, expected: 9, bands: [5, 10], cumulative: 9, basis: '10 years on 2025-01-02: 1/365 × 5 + 364/365 × 10 = 3645/365 = 9.98 → 9' },
    // leap year: 1 × 5 + 365 × 10 = 3655 / 365 = 10.01 → 10
    { name: 'anniversary on 2 Jan, leap year', hire: '2014-01-02', year: 2024, expected: 10, bands: [5, 10], cumulative: 9, basis: '10 years on 2024-01-02: 1/365 × 5 + 365/365 × 10 = 3655/365 = 10.01 → 10' },
    // anniversary on 31 Dec of a leap year: 365 × 5 + 1 × 10 = 1835 / 365 = 5.02 → 5
    { name: 'anniversary on 31 Dec, leap year', hire: '2014-12-31', year: 2024, expected: 5, bands: [5, 10], cumulative: 9, basis: '10 years on 2024-12-31: 365/365 × 5 + 1/365 × 10 = 1835/365 = 5.02 → 5' },
    // hired 03-01, 10 years on 07-01: 03-01..06-30 = 122 at 5, 184 at 10: 610 + 1840 = 2450 / 365 = 6.71 → 6;
    // higher: 306 × 10 = 3060 / 365 = 8.38 → 8; jan1 (band on the hire date, 9 years): 1530 / 365 = 4.19 → 4
    { name: 'new hire, then a band change, split', hire: '2025-03-01', work: '2015-07-01', year: 2025, expected: 6, bands: [5, 10], cumulative: 9, basis: 'hired 2025-03-01, 10 years on 2025-07-01: 122/365 × 5 + 184/365 × 10 = 2450/365 = 6.71 → 6' },
    { name: 'new hire, then a band change, higher', hire: '2025-03-01', work: '2015-07-01', year: 2025, mode: 'higher', expected: 8, bands: [5, 10], cumulative: 9, basis: 'hired 2025-03-01, 10 years on 2025-07-01, leave.band_change higher: 306/365 × 10 = 8.38 → 8' },
    { name: 'new hire, then a band change, jan1', hire: '2025-03-01', work: '2015-07-01', year: 2025, mode: 'jan1', expected: 4, bands: [5, 10], cumulative: 9, basis: 'hired 2025-03-01, 10 years on 2025-07-01, leave.band_change jan1: 306/365 × 5 = 4.19 → 4' },
    // first job 2024-02-29: 1 year on 2025-02-28; 01-01..02-27 = 58 days at 0, 307 at 5 = 1535 / 365 = 4.20 → 4
    { name: 'first job on 29 Feb, 1 year on 28 Feb', hire: '2024-02-29', year: 2025, expected: 4, bands: [0, 5], cumulative: 0, basis: '1 year on 2025-02-28: 58/365 × 0 + 307/365 × 5 = 1535/365 = 4.20 → 4' },
    // hired and leaving in the year: MEA art.12 replaces art.5: 03-01..08-31 = 184; 1840 / 365 = 5.04 → 5 (not 8)
    { name: 'hired and leaving in the same year', hire: '2025-03-01', work: '2010-01-01', term: '2025-08-31', year: 2025, expected: 5, bands: [10], cumulative: 15, basis: 'hired 2025-03-01, left 2025-08-31: 184/365 × 10 = 5.04 → 5' },
    { name: 'hired after the year', hire: '2026-02-01', year: 2025, expected: 0, bands: [], cumulative: 0, basis: 'not employed in 2025' },
    { name: 'left before the year', hire: '2020-01-01', term: '2024-06-30', year: 2025, expected: 0, bands: [], cumulative: 5, basis: 'not employed in 2025' },
  ])('$name → $expected', ({ hire, work, term, year, mode, expected, bands, cumulative, basis }) => {
    const e = emp({ hire, ...(work ? { work } : {}), ...(term ? { term } : {}) });
    expect(computeEntitlement(e, year, policy({ band_change: mode ?? 'split' }))).toEqual({
      cumulative_years: cumulative,
      band_days: bands,
      entitlement_days: expected,
      basis,
    });
  });
});

describe('recordDays (REG art.3 para.2: weekends and holidays excluded, swapped working days included)', () => {
  test.each([
    { name: 'an ordinary week', r: rec('annual', '2025-03-03', '2025-03-09'), expected: 5 },
    // Mon 09-29, Tue 09-30; 10-01..10-08 off (国庆节、中秋节); Thu 10-09, Fri 10-10 → 4
    { name: 'across the 2025 National Day break', r: rec('annual', '2025-09-29', '2025-10-10'), expected: 4 },
    // Thu 10-09, Fri 10-10, Sat 10-11 (swapped, working), Sun 10-12 off, Mon 10-13 → 4
    { name: 'with a swapped working Saturday', r: rec('annual', '2025-10-09', '2025-10-13'), expected: 4 },
    // 2026: Mon 02-09..Fri 02-13 = 5; Sat 02-14 swapped = 1; 02-15..02-23 off; Tue 02-24..Fri 02-27 = 4 → 10
    { name: 'across the 2026 Spring Festival', r: rec('annual', '2026-02-09', '2026-02-27'), expected: 10 },
    { name: 'a half day (override)', r: rec('annual', '2025-03-03', '2025-03-03', { days: 0.5 }), expected: 0.5 },
    // a shift worker's rostered weekend: the override wins over the calendar
    { name: 'override on a weekend', r: rec('annual', '2025-03-08', '2025-03-09', { days: 2 }), expected: 2 },
  ])('$name → $expected', ({ r, expected }) => {
    expect(recordDays(r, calendar)).toBe(expected);
  });
});

interface DisqualificationRow {
  name: string;
  e: LeaveEmployee;
  records: LeaveRecord[];
  year?: number;
  p?: LeavePolicy;
  expected: boolean;
  entitlement: number;
  reason: string | null;
}

describe('disqualification (REG art.4, MEA art.8)', () => {
  test.each<DisqualificationRow>([
    // 2025-03-03..03-28: four Mon–Fri weeks, no holidays = 20 working days; 以上 includes 20 (CIV art.1259)
    {
      name: 'exactly 20 days of paid personal leave',
      e: BAND5, records: [rec('personal', '2025-03-03', '2025-03-28', { wage_deducted: false })], expected: true, entitlement: 0,
      reason: 'REG art.4(2): paid personal leave 20 working days in 2025 (20 or more with pay not deducted; reached 2025-03-28)',
    },
    // 03-03..03-27 = 19 working days
    { name: '19 days of paid personal leave', e: BAND5, records: [rec('personal', '2025-03-03', '2025-03-27', { wage_deducted: false })], expected: false, entitlement: 5, reason: null },
    // 03-03..04-08: March 21 working days + Apr 1–3 + Apr 7–8 (Apr 4 清明, Apr 5–6 weekend) = 26, all unpaid
    { name: 'unpaid personal leave does not count', e: BAND5, records: [rec('personal', '2025-03-03', '2025-04-08', { wage_deducted: true })], expected: false, entitlement: 5, reason: null },
    // 10 days with pay kept + 10 days with wage_deducted unknown (counted as paid) = 20
    {
      name: 'personal leave with deduction unknown counts as paid',
      e: BAND5, records: [rec('personal', '2025-03-03', '2025-03-14', { wage_deducted: false }), rec('personal', '2025-03-17', '2025-03-28')], expected: true, entitlement: 0,
      reason: 'REG art.4(2): paid personal leave 20 working days in 2025 (20 or more with pay not deducted; reached 2025-03-28)',
    },
    // 15 unpaid (03-03..03-21) + 10 paid (03-24..04-07: 03-24..03-28 5, 03-31..04-03 4, 04-04 清明 off, 04-07 1)
    { name: 'only the paid part counts', e: BAND5, records: [rec('personal', '2025-03-03', '2025-03-21', { wage_deducted: true }), rec('personal', '2025-03-24', '2025-04-07', { wage_deducted: false })], expected: false, entitlement: 5, reason: null },
    // sick leave in calendar days: 03-01..04-29 = 31 + 29 = 60 = 2 months × 30 at band 5
    {
      name: 'sick leave at the band-5 limit (60 days)',
      e: BAND5, records: [rec('sick', '2025-03-01', '2025-04-29')], expected: true, entitlement: 0,
      reason: 'REG art.4(3): sick leave 60 days in 2025 (2 months × 30 = 60 days or more at 1–<10 years; reached 2025-04-29)',
    },
    { name: 'sick leave one day under the band-5 limit', e: BAND5, records: [rec('sick', '2025-03-01', '2025-04-28')], expected: false, entitlement: 5, reason: null },
    // 03-01..05-29 = 31 + 30 + 29 = 90 = 3 months × 30 at band 10
    {
      name: 'sick leave at the band-10 limit (90 days)',
      e: BAND10, records: [rec('sick', '2025-03-01', '2025-05-29')], expected: true, entitlement: 0,
      reason: 'REG art.4(4): sick leave 90 days in 2025 (3 months × 30 = 90 days or more at 10–<20 years; reached 2025-05-29)',
    },
    { name: 'sick leave one day under the band-10 limit', e: BAND10, records: [rec('sick', '2025-03-01', '2025-05-28')], expected: false, entitlement: 10, reason: null },
    // 03-01..06-28 = 31 + 30 + 31 + 28 = 120 = 4 months × 30 at band 15
    {
      name: 'sick leave at the band-15 limit (120 days)',
      e: BAND15, records: [rec('sick', '2025-03-01', '2025-06-28')], expected: true, entitlement: 0,
      reason: 'REG art.4(5): sick leave 120 days in 2025 (4 months × 30 = 120 days or more at 20+ years; reached 2025-06-28)',
    },
    { name: 'sick leave one day under the band-15 limit', e: BAND15, records: [rec('sick', '2025-03-01', '2025-06-27')], expected: false, entitlement: 15, reason: null },
    // leave.sick_month_days 31: the limit is 62, so 60 days no longer disqualify
    { name: 'a 31-day sick month', e: BAND5, records: [rec('sick', '2025-03-01', '2025-04-29')], p: policy({ sick_month_days: 31 }), expected: false, entitlement: 5, reason: null },
    // 2024-11-01..2025-02-28: only 01-01..02-28 = 59 days are in 2025 (the 61 in 2024 disqualify 2024, not 2025)
    { name: 'sick leave across the new year counts per year', e: BAND5, records: [rec('sick', '2024-11-01', '2025-02-28')], expected: false, entitlement: 5, reason: null },
    // sick from 02-01 (reaches 60 on 04-01) before any annual leave: REG art.4, this year is lost
    {
      name: 'sick limit reached before any annual leave: this year lost',
      e: BAND5, records: [rec('sick', '2025-02-01', '2025-04-01'), rec('annual', '2025-06-09', '2025-06-11')], expected: true, entitlement: 0,
      reason: 'REG art.4(3): sick leave 60 days in 2025 (2 months × 30 = 60 days or more at 1–<10 years; reached 2025-04-01)',
    },
    // annual 02-10..02-12 (3 days) taken first, then sick 04-01..05-30 (60 days): MEA art.8 —
    // 2025 is kept, and 2026 is forfeited instead
    { name: 'sick after annual leave: the year itself is kept (MEA art.8)', e: BAND5, records: [rec('annual', '2025-02-10', '2025-02-12'), rec('sick', '2025-04-01', '2025-05-30')], expected: false, entitlement: 5, reason: null },
    {
      name: 'sick after annual leave: next year forfeited (MEA art.8)',
      e: BAND5, year: 2026, records: [rec('annual', '2025-02-10', '2025-02-12'), rec('sick', '2025-04-01', '2025-05-30')], expected: true, entitlement: 0,
      reason: 'MEA art.8: REG art.4(3): sick leave 60 days in 2025 (2 months × 30 = 60 days or more at 1–<10 years; reached 2025-05-30) after 3 days of 2025 leave were taken, so 2026 leave is forfeited',
    },
    // same history, 2027: only the next year is forfeited
    { name: 'MEA art.8 reaches one year only', e: BAND5, year: 2027, records: [rec('annual', '2025-02-10', '2025-02-12'), rec('sick', '2025-04-01', '2025-05-30')], expected: false, entitlement: 5, reason: null },
    // paid personal leave reaches 20 on 2025-06-27 after 2 annual days in March: next year forfeited
    {
      name: 'personal leave after annual leave: next year forfeited',
      e: BAND5, year: 2026, records: [rec('annual', '2025-03-03', '2025-03-04'), rec('personal', '2025-06-03', '2025-06-30', { wage_deducted: false })], expected: true, entitlement: 0,
      reason: 'MEA art.8: REG art.4(2): paid personal leave 20 working days in 2025 (20 or more with pay not deducted; reached 2025-06-30) after 2 days of 2025 leave were taken, so 2026 leave is forfeited',
    },
    // carry-over 5 from 2024; the 3 days taken in February are carried days (used first), so
    // none of 2025's own leave was taken when the sick limit was reached: REG art.4, 2025 lost
    {
      name: 'carried days taken first are not this year\'s leave',
      e: BAND5, p: policy({ carry_over: { max_days: 5 } }), records: [rec('annual', '2025-02-10', '2025-02-12'), rec('sick', '2025-04-01', '2025-05-30')], expected: true, entitlement: 0,
      reason: 'REG art.4(3): sick leave 60 days in 2025 (2 months × 30 = 60 days or more at 1–<10 years; reached 2025-05-30)',
    },
  ])('$name → $expected', ({ e, records, year, p, expected, entitlement, reason }) => {
    const y = year ?? 2025;
    const row = computeBalance(e, records, y, d(`${y}-12-31`), calendar, p ?? policy());
    expect({ disqualified: row.disqualified, entitlement: row.entitlement_days, reason: row.disqualification_reason }).toEqual({ disqualified: expected, entitlement, reason });
  });

  test('the year kept under MEA art.8 says that next year is forfeited', () => {
    const row = computeBalance(BAND5, [rec('annual', '2025-02-10', '2025-02-12'), rec('sick', '2025-04-01', '2025-05-30')], 2025, d('2025-12-31'), calendar, policy());
    expect(row.basis).toBe(
      'full year at band 5 → 5; MEA art.8: REG art.4(3): sick leave 60 days in 2025 (2 months × 30 = 60 days or more at 1–<10 years; reached 2025-05-30) after 3 days of 2025 leave were taken, so 2026 leave is forfeited',
    );
    expect(row.remaining_days).toBe(2);
  });
});

describe('computeBalance', () => {
  test('a full row: band change, holidays inside the leave, as of a date', () => {
    // 10 years on 2025-07-01: 7 (see computeEntitlement); annual 09-29..10-10 = 4 working days
    const e = emp({ hire: '2016-01-01', work: '2015-07-01' });
    expect(computeBalance(e, [rec('annual', '2025-09-29', '2025-10-10')], 2025, d('2025-10-31'), calendar, policy())).toEqual({
      operator_id: '1001',
      name: '张三',
      year: 2025,
      cumulative_years: 9,
      band_days: [5, 10],
      entitlement_days: 7,
      extra_days: 0,
      carried_over_days: 0,
      taken_days: 4,
      remaining_days: 3,
      disqualified: false,
      disqualification_reason: null,
      basis: '10 years on 2025-07-01: 181/365 × 5 + 184/365 × 10 = 2745/365 = 7.52 → 7',
    });
  });

  test.each([
    // Mon 03-03..Fri 03-07, as of Wed 03-05: 3 days
    { name: 'a record spanning asOf counts up to asOf', records: [rec('annual', '2025-03-03', '2025-03-07')], asOf: '2025-03-05', taken: 3, remaining: 2 },
    { name: 'a record after asOf is not yet taken', records: [rec('annual', '2025-03-03', '2025-03-07')], asOf: '2025-03-02', taken: 0, remaining: 5 },
    // Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10 → 4
    { name: 'holidays inside the leave period', records: [rec('annual', '2025-09-29', '2025-10-10')], asOf: '2025-12-31', taken: 4, remaining: 1 },
    // Thu 10-09, Fri 10-10, Sat 10-11 (swapped), Mon 10-13 → 4
    { name: 'a swapped working day inside the leave period', records: [rec('annual', '2025-10-09', '2025-10-13')], asOf: '2025-12-31', taken: 4, remaining: 1 },
    { name: 'a half day', records: [rec('annual', '2025-03-03', '2025-03-03', { days: 0.5 })], asOf: '2025-12-31', taken: 0.5, remaining: 4.5 },
    // 2024-12-30..2025-01-03: in 2025, 01-01 is 元旦, Thu 01-02 and Fri 01-03 → 2
    { name: 'a record across the new year counts its 2025 days', records: [rec('annual', '2024-12-30', '2025-01-03')], asOf: '2025-12-31', taken: 2, remaining: 3 },
    // 03-03..03-11 = 7 working days against 5: reported as is
    { name: 'more taken than entitled', records: [rec('annual', '2025-03-03', '2025-03-11')], asOf: '2025-12-31', taken: 7, remaining: -2 },
    { name: 'other kinds of leave are not annual leave', records: [rec('marriage', '2025-03-03', '2025-03-07'), rec('sick', '2025-04-01', '2025-04-03')], asOf: '2025-12-31', taken: 0, remaining: 5 },
  ])('$name → taken $taken', ({ records, asOf, taken, remaining }) => {
    const row = computeBalance(BAND5, records, 2025, d(asOf), calendar, policy());
    expect({ taken: row.taken_days, remaining: row.remaining_days }).toEqual({ taken, remaining });
  });

  const EXTRA = policy({ extra_days: [{ min_company_years: 3, days: 1 }, { min_company_years: 5, days: 3 }] });
  test.each([
    // hired 2020-01-01: 5 completed years at the company on 2025-01-01 → the 5-year rule, 3 days
    { name: 'five years at the company', hire: '2020-01-01', expected: 3, basis: 'full year at band 5 → 5; company extra 3 (5 years at the company on 2025-01-01, leave.extra_days)' },
    // hired 2020-01-02: 4 years on 2025-01-01 → the 3-year rule, 1 day
    { name: 'four years at the company', hire: '2020-01-02', expected: 1, basis: 'full year at band 5 → 5; company extra 1 (4 years at the company on 2025-01-01, leave.extra_days)' },
    // hired in the year: 0 years on 1 Jan, no rule applies
    { name: 'hired in the year', hire: '2025-03-01', expected: 0, basis: 'hired 2025-03-01: 306/365 × 5 = 4.19 → 4' },
  ])('company extra days, $name → $expected', ({ hire, expected, basis }) => {
    const row = computeBalance(emp({ hire, work: '2019-01-01' }), [], 2025, d('2025-12-31'), calendar, EXTRA);
    expect({ extra: row.extra_days, basis: row.basis }).toEqual({ extra: expected, basis });
  });

  test.each([
    // 2024: 5, 1 taken (Mon 03-04) → 4 unused, capped at 3; 2025: 4 taken (03-03..03-06) → 5 + 3 − 4 = 4
    { name: 'carried over, capped', p: policy({ carry_over: { max_days: 3 } }), records: [rec('annual', '2024-03-04', '2024-03-04'), rec('annual', '2025-03-03', '2025-03-06')], carried: 3, remaining: 4 },
    { name: 'no carry-over by default', p: policy(), records: [rec('annual', '2024-03-04', '2024-03-04'), rec('annual', '2025-03-03', '2025-03-06')], carried: 0, remaining: 1 },
    // 2023 unused 5 → carried into 2024; 2024 takes 2 (02-19..02-20), the carried days first, so all
    // 5 of 2024's own days are unused → 5 into 2025; 2023's leftover 3 expires (one year only)
    { name: 'carried days expire after one year', p: policy({ carry_over: { max_days: 10 } }), records: [rec('annual', '2024-02-19', '2024-02-20')], carried: 5, remaining: 10 },
  ])('$name → $carried', ({ p, records, carried, remaining }) => {
    const row = computeBalance(BAND5, records, 2025, d('2025-12-31'), calendar, p);
    expect({ carried: row.carried_over_days, remaining: row.remaining_days }).toEqual({ carried, remaining });
  });
});

describe('computeSettlement (MEA arts.10–12, WAGE 21.75)', () => {
  // MEA art.12: owed = (days this year ÷ 365 × band) − days already taken, and only then is the
  // fraction of a day dropped (floor, never below 0). The working shows the value before the floor,
  // truncated to two decimals; entitlement_days is the pro-rata figure before any floor, likewise.
  test.each([
    // 01-01..08-31 = 243 days; 1215/365 = 3.3287 − 1 = 2.3287 → 2; day wage 8000 / 21.75 = 367.816 → 367.82;
    // extra 2 × 2 × 8000 / 21.75 = 1471.264 → 1471.26 (not 4 × 367.82 = 1471.28: rounded once)
    {
      name: 'a leaver with days owed', e: emp({ hire: '2020-01-01', wage: 8000 }), date: '2025-08-31', records: [rec('annual', '2025-03-03', '2025-03-03')],
      expected: { entitlement_days: 3.32, taken_days: 1, payable_unused_days: 2, daily_wage: 367.82, extra_pay: 1471.26, basis: 'left 2025-08-31: 243/365 × 5 − 1 taken = 2.32 → 2; daily wage 8000.00 / 21.75 = 367.82; extra 200 %: 2 × 2 × 8000.00 / 21.75 = 1471.26' },
    },
    // 01-01..03-31 = 90; 450/365 = 1.2328 − 3 = −1.767 → owed max(0, …) = 0, no claw-back
    {
      name: 'more taken than owed', e: emp({ hire: '2020-01-01', wage: 8000 }), date: '2025-03-31', records: [rec('annual', '2025-03-03', '2025-03-05')],
      expected: { entitlement_days: 1.23, taken_days: 3, payable_unused_days: 0, daily_wage: 367.82, extra_pay: 0, basis: 'left 2025-03-31: 90/365 × 5 − 3 taken = −1.76 → 0 (not clawed back); daily wage 8000.00 / 21.75 = 367.82; extra 200 %: 0 × 2 × 8000.00 / 21.75 = 0.00' },
    },
    // hired 03-01, leaving 08-31 at band 10: 184 × 10 = 1840/365 = 5.04 → 5; 6525 / 21.75 = 300; 5 × 2 × 300 = 3000
    {
      name: 'hired and leaving in the same year', e: emp({ hire: '2025-03-01', work: '2010-01-01', wage: 6525 }), date: '2025-08-31', records: [],
      expected: { entitlement_days: 5.04, taken_days: 0, payable_unused_days: 5, daily_wage: 300, extra_pay: 3000, basis: 'hired 2025-03-01, left 2025-08-31: 184/365 × 10 − 0 taken = 5.04 → 5; daily wage 6525.00 / 21.75 = 300.00; extra 200 %: 5 × 2 × 6525.00 / 21.75 = 3000.00' },
    },
    // 01-01..03-14 = 31 + 28 + 14 = 73; 73 × 5 / 365 = 1 exactly; 4350 / 21.75 = 200; 1 × 2 × 200 = 400
    {
      name: '73 × 5 / 365 = 1', e: emp({ hire: '2020-01-01', wage: 4350 }), date: '2025-03-14', records: [],
      expected: { entitlement_days: 1, taken_days: 0, payable_unused_days: 1, daily_wage: 200, extra_pay: 400, basis: 'left 2025-03-14: 73/365 × 5 − 0 taken = 1.00 → 1; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 1 × 2 × 4350.00 / 21.75 = 400.00' },
    },
    // 10 years on 07-01: 181 × 5 + 92 × 10 = 905 + 920 = 1825 / 365 = 5 exactly; 10000 / 21.75 = 459.770 → 459.77;
    // 5 × 2 × 10000 / 21.75 = 4597.701 → 4597.70
    {
      name: 'a band change before leaving', e: emp({ hire: '2016-01-01', work: '2015-07-01', wage: 10000 }), date: '2025-09-30', records: [],
      expected: { entitlement_days: 5, taken_days: 0, payable_unused_days: 5, daily_wage: 459.77, extra_pay: 4597.7, basis: 'left 2025-09-30, 10 years on 2025-07-01: 181/365 × 5 + 92/365 × 10 − 0 taken = 5.00 → 5; daily wage 10000.00 / 21.75 = 459.77; extra 200 %: 5 × 2 × 10000.00 / 21.75 = 4597.70' },
    },
    // MEA art.12 subtracts first: 1215/365 = 3.3287 − 0.5 = 2.8287 → 2 (flooring first gave 3 − 0.5 = 2.5);
    // 2 × 2 × 8000 / 21.75 = 1471.264 → 1471.26
    {
      name: 'a half day taken', e: emp({ hire: '2020-01-01', wage: 8000 }), date: '2025-08-31', records: [rec('annual', '2025-03-03', '2025-03-03', { days: 0.5 })],
      expected: { entitlement_days: 3.32, taken_days: 0.5, payable_unused_days: 2, daily_wage: 367.82, extra_pay: 1471.26, basis: 'left 2025-08-31: 243/365 × 5 − 0.5 taken = 2.82 → 2; daily wage 8000.00 / 21.75 = 367.82; extra 200 %: 2 × 2 × 8000.00 / 21.75 = 1471.26' },
    },
    // two half days are one day: 3.3287 − 1 = 2.3287 → 2
    {
      name: 'two half days taken', e: emp({ hire: '2020-01-01', wage: 8000 }), date: '2025-08-31', records: [rec('annual', '2025-03-03', '2025-03-03', { days: 0.5 }), rec('annual', '2025-06-03', '2025-06-03', { days: 0.5 })],
      expected: { entitlement_days: 3.32, taken_days: 1, payable_unused_days: 2, daily_wage: 367.82, extra_pay: 1471.26, basis: 'left 2025-08-31: 243/365 × 5 − 1 taken = 2.32 → 2; daily wage 8000.00 / 21.75 = 367.82; extra 200 %: 2 × 2 × 8000.00 / 21.75 = 1471.26' },
    },
    // the case: 01-01..11-13 = 317 days; 1585/365 = 4.3425; taken 1 (03-02) + 0.5 (06-01) = 1.5;
    // 4.3425 − 1.5 = 2.8425 → 2 (flooring first: 4 − 1.5 = 2.5); 2 × 2 × 4350 / 21.75 = 800
    {
      name: 'a leaver on 11-13 with a day and a half taken', e: emp({ hire: '2020-01-01', wage: 4350 }), date: '2026-11-13', records: [rec('annual', '2026-03-02', '2026-03-02'), rec('annual', '2026-06-01', '2026-06-01', { days: 0.5 })],
      expected: { entitlement_days: 4.34, taken_days: 1.5, payable_unused_days: 2, daily_wage: 200, extra_pay: 800, basis: 'left 2026-11-13: 317/365 × 5 − 1.5 taken = 2.84 → 2; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 2 × 2 × 4350.00 / 21.75 = 800.00' },
    },
    // subtracting first can also pay more: 01-01..12-30 = 364 days; 1820/365 = 4.9863 − 0.5 = 4.4863 → 4
    // (flooring first: 4 − 0.5 = 3.5); 4 × 2 × 200 = 1600
    {
      name: 'a half day from 364 days', e: emp({ hire: '2020-01-01', wage: 4350 }), date: '2025-12-30', records: [rec('annual', '2025-06-03', '2025-06-03', { days: 0.5 })],
      expected: { entitlement_days: 4.98, taken_days: 0.5, payable_unused_days: 4, daily_wage: 200, extra_pay: 1600, basis: 'left 2025-12-30: 364/365 × 5 − 0.5 taken = 4.48 → 4; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 4 × 2 × 4350.00 / 21.75 = 1600.00' },
    },
    // exactly 1 day due, half a day taken: 1 − 0.5 = 0.5 → 0 (flooring first paid 0.5)
    {
      name: 'a half day from exactly 1 day', e: emp({ hire: '2020-01-01', wage: 4350 }), date: '2025-03-14', records: [rec('annual', '2025-03-03', '2025-03-03', { days: 0.5 })],
      expected: { entitlement_days: 1, taken_days: 0.5, payable_unused_days: 0, daily_wage: 200, extra_pay: 0, basis: 'left 2025-03-14: 73/365 × 5 − 0.5 taken = 0.50 → 0; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 0 × 2 × 4350.00 / 21.75 = 0.00' },
    },
    // leaving on 12-31: the full band, 5 − 1.5 = 3.5 → 3
    {
      name: 'a full year with a day and a half taken', e: emp({ hire: '2020-01-01', wage: 4350 }), date: '2025-12-31', records: [rec('annual', '2025-03-03', '2025-03-03'), rec('annual', '2025-06-03', '2025-06-03', { days: 0.5 })],
      expected: { entitlement_days: 5, taken_days: 1.5, payable_unused_days: 3, daily_wage: 200, extra_pay: 1200, basis: 'full year at band 5 − 1.5 taken = 3.50 → 3; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 3 × 2 × 4350.00 / 21.75 = 1200.00' },
    },
    // 7000 / 21.75 = 321.839 → 321.84 (half-up); 1 × 2 × 7000 / 21.75 = 643.678 → 643.68
    {
      name: 'rounding up to the fen', e: emp({ hire: '2020-01-01', wage: 7000 }), date: '2025-03-14', records: [],
      expected: { entitlement_days: 1, taken_days: 0, payable_unused_days: 1, daily_wage: 321.84, extra_pay: 643.68, basis: 'left 2025-03-14: 73/365 × 5 − 0 taken = 1.00 → 1; daily wage 7000.00 / 21.75 = 321.84; extra 200 %: 1 × 2 × 7000.00 / 21.75 = 643.68' },
    },
    {
      name: 'no monthly wage on file', e: emp({ hire: '2020-01-01' }), date: '2025-03-14', records: [],
      expected: { entitlement_days: 1, taken_days: 0, payable_unused_days: 1, daily_wage: null, extra_pay: null, basis: 'left 2025-03-14: 73/365 × 5 − 0 taken = 1.00 → 1; no monthly wage on file: pay not computed' },
    },
    // 60 days sick (03-01..04-29) before any annual leave: REG art.4 → nothing owed
    {
      name: 'a disqualified leaver', e: emp({ hire: '2020-01-01', wage: 4350 }), date: '2025-08-31', records: [rec('sick', '2025-03-01', '2025-04-29')],
      expected: { entitlement_days: 0, taken_days: 0, payable_unused_days: 0, daily_wage: 200, extra_pay: 0, basis: 'left 2025-08-31: 243/365 × 5 = 3.32, disqualified → 0 (REG art.4(3): sick leave 60 days in 2025 (2 months × 30 = 60 days or more at 1–<10 years; reached 2025-04-29)); 0 − 0 taken = 0.00 → 0; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 0 × 2 × 4350.00 / 21.75 = 0.00' },
    },
  ])('$name → $expected.payable_unused_days', ({ e, date, records, expected }) => {
    expect(computeSettlement(e, records, d(date), calendar, policy())).toEqual({ operator_id: '1001', termination_date: date, ...expected });
  });

  test('unused carried days are owed too', () => {
    // 2024 untouched: 5 carried (max 5); leaving 2025-03-31: 450/365 = 1.2328 + 5 − 0 = 6.2328 → 6;
    // 6 × 2 × 4350 / 21.75 = 2400
    const s = computeSettlement(emp({ hire: '2020-01-01', wage: 4350 }), [], d('2025-03-31'), calendar, policy({ carry_over: { max_days: 5 } }));
    expect({ owed: s.payable_unused_days, extra: s.extra_pay, basis: s.basis }).toEqual({
      owed: 6,
      extra: 2400,
      basis: 'left 2025-03-31: 90/365 × 5 + 5 carried over − 0 taken = 6.23 → 6; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 6 × 2 × 4350.00 / 21.75 = 2400.00',
    });
  });

  test('half a carried day is added before the fraction is dropped', () => {
    // 2024 untouched: 4.5 carried (max 4.5); leaving 2025-03-31: 1.2328 + 4.5 = 5.7328 → 5
    // (flooring first: 1 + 4.5 = 5.5); 5 × 2 × 200 = 2000
    const s = computeSettlement(emp({ hire: '2020-01-01', wage: 4350 }), [], d('2025-03-31'), calendar, policy({ carry_over: { max_days: 4.5 } }));
    expect({ owed: s.payable_unused_days, extra: s.extra_pay, basis: s.basis }).toEqual({
      owed: 5,
      extra: 2000,
      basis: 'left 2025-03-31: 90/365 × 5 + 4.5 carried over − 0 taken = 5.73 → 5; daily wage 4350.00 / 21.75 = 200.00; extra 200 %: 5 × 2 × 4350.00 / 21.75 = 2000.00',
    });
  });
});
