// Days worked for the appraisal's per-day rates (src/domain/appraisal-days.ts, issue 17 items 4
// and 5), on the official 2026 calendar. November 2026 has no holiday: Sunday 11-01, working days
// 11-02..06, 09..13, 16..20, 23..27 and 30 = 21. October 2026: 10-01..07 National Day, Saturday
// 10-10 a swapped working day: 18 working days. Onboarding: the first 5 working days from the
// hire date that are not leave (onboardingDays in src/domain/training.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countDaysWorked, type DaysWorkedInput } from '../../src/domain/appraisal-days.js';
import { buildCalendar, type CalendarFile } from '../../src/domain/calendar.js';
import type { IsoDate, IsoMonth } from '../../src/domain/dates.js';
import type { LeaveRecord } from '../../src/domain/leave.js';
import { ROOT } from '../helpers/cli.js';

const cn2026 = JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', 'cn-2026.json'), 'utf8')) as CalendarFile;
const calendar = buildCalendar([cn2026]);
const leave = (type: LeaveRecord['type'], start: string, end: string, days: number | null = null): LeaveRecord => ({ type, start_date: start as IsoDate, end_date: end as IsoDate, days, wage_deducted: null });

interface Case {
  name: string;
  month?: string;
  hire?: string;
  left?: string;
  leave?: LeaveRecord[];
  calls?: string[];
  trained?: string[];
  expected: number;
}

function input(c: Case): DaysWorkedInput {
  return {
    month: (c.month ?? '2026-11') as IsoMonth,
    hire_date: (c.hire ?? '2020-01-01') as IsoDate,
    termination_date: (c.left ?? null) as IsoDate | null,
    calendar,
    leave: c.leave ?? [],
    onboarding_days: 5,
    call_days: new Set(c.calls ?? []),
    training_days: new Set(c.trained ?? []),
  };
}

describe('countDaysWorked', () => {
  test.each<Case>([
    { name: 'a full month, no call recorded', expected: 21 },
    { name: 'a sick day', leave: [leave('sick', '2026-11-20', '2026-11-20')], expected: 20 },
    { name: 'half a day of annual leave', leave: [leave('annual', '2026-11-10', '2026-11-10', 0.5)], expected: 20.5 },
    { name: 'half a day of leave with calls that day', leave: [leave('annual', '2026-11-10', '2026-11-10', 0.5)], calls: ['2026-11-10'], expected: 20.5 },
    { name: 'a whole day of leave is not worked, even with calls that day', leave: [leave('personal', '2026-11-10', '2026-11-10')], calls: ['2026-11-10'], expected: 20 },
    { name: 'leave on a weekend-duty day takes nothing off (not a working day)', leave: [leave('annual', '2026-11-20', '2026-11-23')], calls: ['2026-11-21'], expected: 20 },
    { name: 'leave over a weekend: its working days only', leave: [leave('annual', '2026-11-06', '2026-11-09')], expected: 19 },
    { name: 'weekend duty on Saturday 11-21', calls: ['2026-11-21'], expected: 22 },
    { name: 'weekend duty and half a day of leave', calls: ['2026-11-21', '2026-11-10'], leave: [leave('annual', '2026-11-10', '2026-11-10', 0.5)], expected: 21.5 },
    { name: 'calls on a working day add no day', calls: ['2026-11-20'], expected: 21 },
    { name: 'holiday duty on National Day 10-03', month: '2026-10', calls: ['2026-10-03'], expected: 19 },
    { name: 'hired Monday 11-16: onboarding 11-16..20 is not worked', hire: '2026-11-16', expected: 6 },
    { name: 'hired Saturday 11-14: onboarding from Monday 11-16', hire: '2026-11-14', expected: 6 },
    { name: 'hired 11-16, calls on onboarding day 11-19: a day with calls is worked', hire: '2026-11-16', calls: ['2026-11-19'], expected: 7 },
    { name: 'hired 11-16, a day of leave in onboarding moves it on a day', hire: '2026-11-16', leave: [leave('personal', '2026-11-17', '2026-11-17')], expected: 5 },
    { name: 'hired Wednesday 10-28: onboarding ends on 11-02 and 11-03', hire: '2026-10-28', expected: 19 },
    { name: 'hired 10-28, October: 10-28..30 are onboarding', month: '2026-10', hire: '2026-10-28', expected: 0 },
    { name: 'a training-only day 11-18', trained: ['2026-11-18'], expected: 20 },
    { name: 'a course on a day with calls is a day worked', trained: ['2026-11-18'], calls: ['2026-11-18'], expected: 21 },
    { name: 'a course on Saturday: not a working day, nothing to take off', trained: ['2026-11-21'], expected: 21 },
    { name: 'left Friday 11-13', left: '2026-11-13', expected: 10 },
    { name: 'left 11-13, calls after leaving are not counted', left: '2026-11-13', calls: ['2026-11-14', '2026-11-16'], expected: 10 },
    { name: 'hired after the month', hire: '2026-12-01', expected: 0 },
  ])('$name → $expected', (c) => {
    expect(countDaysWorked(input(c)).days).toBe(c.expected);
  });

  test('the working of 3004: 21 working days + 1 duty − 0.5 leave', () => {
    expect(countDaysWorked(input({ name: '', calls: ['2026-11-21', '2026-11-10', '2026-11-11'], leave: [leave('annual', '2026-11-10', '2026-11-10', 0.5)], expected: 0 }))).toEqual({
      days: 21.5, working_days: 21, duty_days: ['2026-11-21'], onboarding_days: [], training_days: [], leave_days: 0.5,
    });
  });

  test('the working of a hire on 11-16 with a course on 11-24 and a sick day on 11-30', () => {
    expect(countDaysWorked(input({ name: '', hire: '2026-11-16', trained: ['2026-11-24'], leave: [leave('sick', '2026-11-30', '2026-11-30')], expected: 0 }))).toEqual({
      days: 4, working_days: 11, duty_days: [], onboarding_days: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'], training_days: ['2026-11-24'], leave_days: 1,
    });
  });
});
