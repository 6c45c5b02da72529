/**
 * Days worked, the denominator of the appraisal's calls and orders per day (docs/metrics.md,
 * issue 17 items 4 and 5). Pure: the calendar, leave, the days with answered calls and the days
 * with a training session attended are passed in.
 *
 * Each day of the month on which the operator was employed counts as
 * - a day with answered calls: worked, whatever the calendar says (weekend or holiday duty
 *   included), less the leave recorded that day;
 * - else a day off (weekend, holiday): not worked;
 * - else one of the operator's onboarding days (the first `training.onboarding_days` working days
 *   from the hire date, as the training plan schedules them): training, not worked;
 * - else a day with a training session attended: training only, not worked;
 * - else a working day, less the leave taken that day.
 * Leave is the working days of the leave records (a whole or half day; src/domain/leave.ts), so a
 * day of leave is never worked, even when the calls say otherwise, and half a day is half.
 */
import type { WorkCalendar } from './calendar.js';
import { eachDay } from './calendar.js';
import type { IsoDate, IsoMonth } from './dates.js';
import { recordDaysWithin, type LeaveRecord } from './leave.js';
import { employmentInMonth } from './pay-proration.js';
import { onboardingDays } from './training.js';

export interface DaysWorkedInput {
  month: IsoMonth;
  hire_date: IsoDate;
  termination_date: IsoDate | null;
  calendar: WorkCalendar;
  leave: readonly LeaveRecord[];
  /** `training.onboarding_days` of the policy. */
  onboarding_days: number;
  /** Local days with at least one answered inbound call of the operator. */
  call_days: ReadonlySet<string>;
  /** Days with a training session the operator attended. */
  training_days: ReadonlySet<string>;
}

export interface DaysWorked {
  days: number;
  /** Working days of the month while employed. */
  working_days: number;
  /** Days off with answered calls (weekend or holiday duty): added. */
  duty_days: IsoDate[];
  /** Onboarding days without calls: taken off. */
  onboarding_days: IsoDate[];
  /** Working days with a session attended and no call: taken off. */
  training_days: IsoDate[];
  /** Leave taken off the days that count (whole and half days). */
  leave_days: number;
}

/** Issue 17 item 5: a day with answered calls is a day worked; onboarding, training-only and leave days are not. */
export function countDaysWorked(input: DaysWorkedInput): DaysWorked {
  const { employed_from: from, employed_to: to } = employmentInMonth(input.hire_date, input.termination_date, input.month);
  const out: DaysWorked = { days: 0, working_days: 0, duty_days: [], onboarding_days: [], training_days: [], leave_days: 0 };
  if (from > to) return out;
  const onboarding = new Set(onboardingDays(input.hire_date, input.calendar, input.onboarding_days, leaveDaysOf(input.leave)));
  for (const d of eachDay(from, to)) {
    const working = input.calendar.isWorkingDay(d);
    if (working) out.working_days++;
    const calls = input.call_days.has(d);
    if (!calls && !working) continue;
    if (!calls && onboarding.has(d)) {
      out.onboarding_days.push(d);
      continue;
    }
    if (!calls && input.training_days.has(d)) {
      out.training_days.push(d);
      continue;
    }
    if (!working) out.duty_days.push(d);
    const taken = Math.min(1, input.leave.reduce((n, r) => n + recordDaysWithin(r, d, d, input.calendar), 0));
    out.leave_days += taken;
    out.days += 1 - taken;
  }
  return out;
}

/** Every day of every leave record (as the training plan reads leave when it schedules onboarding). */
function leaveDaysOf(records: readonly LeaveRecord[]): Set<string> {
  const days = new Set<string>();
  for (const r of records) for (const d of eachDay(r.start_date, r.end_date)) days.add(d);
  return days;
}
