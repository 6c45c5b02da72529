/**
 * Statutory paid annual leave (docs/leave.md): bands by cumulative
 * working years, pro rata for joiners (MEA art.5) and leavers (MEA art.12), band changes inside a
 * year, disqualification (REG art.4, MEA art.8), carry-over, balances and settlement pay. Pure:
 * integer arithmetic, no clock; callers pass `asOf`, the working calendar and the policy.
 */
import { eachDay, type WorkCalendar } from './calendar.js';
import { addDays, daysInMonth, firstDayOfYear, lastDayOfYear, type IsoDate } from './dates.js';
import { DEFAULT_POLICY } from './policy-defaults.js';

export type LeaveType = 'annual' | 'sick' | 'personal' | 'marriage' | 'maternity' | 'bereavement' | 'injury' | 'absent' | 'other';
/** How a band reached inside the year counts: split at the anniversary, the higher band, or the band held on 1 Jan. */
export type BandChange = 'split' | 'higher' | 'jan1';
/** Statutory days a year by cumulative working time (REG art.3). */
export type Band = 0 | 5 | 10 | 15;

export interface LeaveRecord {
  type: LeaveType;
  start_date: IsoDate;
  end_date: IsoDate;
  /** Override of the computed days (halves allowed); null = count them from the calendar. */
  days: number | null;
  /** Personal leave: whether pay was deducted; null (not recorded) counts as paid. */
  wage_deducted: boolean | null;
}

export interface LeaveEmployee {
  operator_id: string;
  name: string;
  hire_date: IsoDate;
  /** First job anywhere (参加工作日期): cumulative working time runs from here. */
  work_start_date: IsoDate;
  termination_date: IsoDate | null;
  /** Average monthly wage, yuan (leave pay, MEA art.11). */
  monthly_wage: number | null;
}

export interface LeavePolicy {
  band_change: BandChange;
  /** Days in a "month" of sick leave (REG art.4(3)–(5)), counted in calendar days. */
  sick_month_days: number;
  /** Unused days carried into the next year only (REG art.5); null = none. */
  carry_over: { max_days: number } | null;
  /** Company days on top of the statutory ones (MEA art.13), by completed years at the company on 1 Jan. */
  extra_days: readonly { min_company_years: number; days: number }[];
}

/** The leave section of the built-in policy (src/domain/policy-defaults.ts, where every default is written). */
export const DEFAULT_LEAVE_POLICY: LeavePolicy = DEFAULT_POLICY.leave;

export interface BandSegment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  band: Band;
}

export interface Entitlement {
  /** Completed cumulative working years on 1 Jan or the hire date, whichever is later. */
  cumulative_years: number;
  /** The bands held in the counted period, in order. */
  band_days: Band[];
  entitlement_days: number;
  basis: string;
}

export interface DisqualifyingEvent {
  rule: 'REG art.4(2)' | 'REG art.4(3)' | 'REG art.4(4)' | 'REG art.4(5)';
  kind: 'personal' | 'sick';
  /** Days of that kind in the year up to `asOf` (paid personal: working days; sick: calendar days). */
  days: number;
  limit: number;
  /** The day the running total first reached the limit. */
  reached_on: IsoDate;
  reason: string;
}

export interface Disqualification {
  disqualified: boolean;
  reason: string | null;
  /** MEA art.8: the condition came after this year's leave was taken, so next year's is forfeited. */
  forfeits_next_year: boolean;
  note: string | null;
}

export interface LeaveBalance {
  operator_id: string;
  name: string;
  year: number;
  cumulative_years: number;
  band_days: Band[];
  entitlement_days: number;
  extra_days: number;
  carried_over_days: number;
  taken_days: number;
  remaining_days: number;
  disqualified: boolean;
  disqualification_reason: string | null;
  basis: string;
}

export interface LeaveSettlement {
  operator_id: string;
  termination_date: IsoDate;
  /** MEA art.12: days this year ÷ 365 × band before any fraction is dropped, truncated to 2 decimals (4.34); 0 when disqualified. */
  entitlement_days: number;
  taken_days: number;
  /** Whole days: the pro-rata days + unused carried days − taken, then floored, never below 0. */
  payable_unused_days: number;
  /** Yuan, monthly wage / 21.75 rounded half-up to the fen; null without a monthly wage. */
  daily_wage: number | null;
  /** Yuan, the 200 % extra owed, computed exactly and rounded half-up to the fen once. */
  extra_pay: number | null;
  basis: string;
}

const DIVISOR = 365;
const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const intDiv = (a: number, b: number): number => (a - (a % b)) / b;
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const yearsWord = (k: number): string => (k === 1 ? '1 year' : `${k} years`);
const utcDay = (d: IsoDate): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** Calendar days from `from` to `to`, both included (MEA art.5: "hire date to 31 Dec"). */
export function calendarDaysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.max(0, utcDay(to) - utcDay(from) + 1);
}

/** CIV art.202: the `years`-th anniversary of `start`; a 02-29 start falls on 02-28 in common years (month end). */
export function anniversary(start: IsoDate, years: number): IsoDate {
  const y = yearOf(start) + years;
  const md = start.slice(5);
  return (md === '02-29' && daysInMonth(y, 2) === 28 ? `${y}-02-28` : `${y}-${md}`) as IsoDate;
}

/** REG art.3, CIV art.1259 (满 includes the day): completed years from `start` to `date`, the anniversary counting. */
export function completedYears(start: IsoDate, date: IsoDate): number {
  if (date < start) return 0;
  const n = yearOf(date) - yearOf(start);
  return date >= anniversary(start, n) ? n : n - 1;
}

/** REG art.3: under 1 year → 0, 1 to under 10 → 5, 10 to under 20 → 10, 20 or more → 15. */
export function bandForYears(years: number): Band {
  return years >= 20 ? 15 : years >= 10 ? 10 : years >= 1 ? 5 : 0;
}

/** REG art.3 (累计工作时间): counted from the first job, or from the hire date if that is earlier. */
export function workStartOf(emp: LeaveEmployee): IsoDate {
  return minDate(emp.work_start_date, emp.hire_date);
}

/** REG art.3: `from`..`to` cut at the 1-, 10- and 20-year anniversaries, where the band changes. */
export function splitByBand(workStart: IsoDate, from: IsoDate, to: IsoDate): BandSegment[] {
  if (to < from) return [];
  const cuts = [1, 10, 20].map((k) => anniversary(workStart, k)).filter((a) => a > from && a <= to);
  const starts = [from, ...cuts];
  return starts.map((s, i) => {
    const next = starts[i + 1];
    const end = next === undefined ? to : addDays(next, -1);
    return { from: s, to: end, days: calendarDaysInclusive(s, end), band: bandForYears(completedYears(workStart, s)) };
  });
}

/** Truncates n/365 to two decimals for the basis text (never rounded up). */
function twoDecimals(numerator: number): string {
  const hundredths = intDiv(numerator * 100, DIVISOR);
  return `${intDiv(hundredths, 100)}.${pad2(hundredths % 100)}`;
}

/** The pro-rata days of a period before the fraction is dropped: numerator / 365, and its working. */
interface ProRata {
  entitlement: Entitlement;
  /** Σ days × band, or band × 365 for a whole year at one band (so a leap year gives the band). */
  numerator: number;
  /** `317/365 × 5`, `181/365 × 5 + 92/365 × 10`, `full year at band 5` or `0 (under 1 year of work)`. */
  terms: string;
  /** `hired 2025-07-01, left 2025-08-31, …` or '' for a whole year. */
  lead: string;
}

/** MEA arts.5 and 12: Σ days × band / 365 over `from`..`to`, bands changing per `leave.band_change`. */
function proRata(emp: LeaveEmployee, year: number, to: IsoDate, policy: LeavePolicy): ProRata {
  const from = maxDate(emp.hire_date, firstDayOfYear(year));
  const ws = workStartOf(emp);
  const segs = splitByBand(ws, from, to);
  const cumulative_years = completedYears(ws, from);
  if (segs.length === 0) return { entitlement: { cumulative_years, band_days: [], entitlement_days: 0, basis: `not employed in ${year}` }, numerator: 0, terms: '0', lead: `not employed in ${year}` };
  const first = segs[0] as BandSegment;
  const last = segs[segs.length - 1] as BandSegment;
  const total = segs.reduce((n, s) => n + s.days, 0);
  const terms: readonly { days: number; band: Band }[] = policy.band_change === 'split' ? segs : [{ days: total, band: policy.band_change === 'higher' ? last.band : first.band }];
  const whole = from === firstDayOfYear(year) && to === lastDayOfYear(year);
  const single = terms.length === 1 ? (terms[0] ?? null) : null;
  const numerator = whole && single ? single.band * DIVISOR : terms.reduce((n, t) => n + t.days * t.band, 0);
  const entitlement_days = intDiv(numerator, DIVISOR);
  const lead = [from > firstDayOfYear(year) ? `hired ${from}` : '', to < lastDayOfYear(year) ? `left ${to}` : ''];
  for (const s of segs.slice(1)) lead.push(`${yearsWord(completedYears(ws, s.from))} on ${s.from}`);
  if (segs.length > 1 && policy.band_change !== 'split') lead.push(`leave.band_change ${policy.band_change}`);
  let working: string;
  let shown: string;
  if (last.band === 0) [working, shown] = ['under 1 year of work → 0', '0 (under 1 year of work)'];
  else if (whole && single) [working, shown] = [`full year at band ${single.band} → ${single.band}`, `full year at band ${single.band}`];
  else if (single) [working, shown] = [`${single.days}/365 × ${single.band} = ${twoDecimals(numerator)} → ${entitlement_days}`, `${single.days}/365 × ${single.band}`];
  else {
    shown = terms.map((t) => `${t.days}/365 × ${t.band}`).join(' + ');
    working = `${shown} = ${numerator}/365 = ${twoDecimals(numerator)} → ${entitlement_days}`;
  }
  const prefix = lead.filter((p) => p !== '').join(', ');
  const entitlement = { cumulative_years, band_days: segs.map((s) => s.band), entitlement_days, basis: prefix ? `${prefix}: ${working}` : working };
  return { entitlement, numerator, terms: shown, lead: prefix };
}

/** MEA arts.5 and 12: floor(Σ days × band / 365) over `from`..`to`, bands changing per `leave.band_change`. */
function prorate(emp: LeaveEmployee, year: number, to: IsoDate, policy: LeavePolicy): Entitlement {
  return proRata(emp, year, to, policy).entitlement;
}

/** MEA art.5 (joiners, hire date to 31 Dec), art.12 (leavers, to the last day), REG art.3: the statutory days of `year`. */
export function computeEntitlement(emp: LeaveEmployee, year: number, policy: LeavePolicy): Entitlement {
  const to = emp.termination_date !== null ? minDate(emp.termination_date, lastDayOfYear(year)) : lastDayOfYear(year);
  return prorate(emp, year, to, policy);
}

interface DayAmount {
  date: IsoDate;
  days: number;
}

type DayUnit = 'working' | 'calendar';

/** docs/leave.md section 5: a record's days inside `from`..`to`, day by day; an override fills counted days from the first, any excess on the last. */
function countedDays(r: LeaveRecord, from: IsoDate, to: IsoDate, unit: DayUnit, calendar: WorkCalendar): DayAmount[] {
  const out: DayAmount[] = [];
  if (r.end_date < from || r.start_date > to) return out;
  const push = (date: IsoDate, days: number): void => {
    if (days > 0 && date >= from && date <= to) out.push({ date, days });
  };
  let left = r.days ?? Number.POSITIVE_INFINITY;
  for (const d of eachDay(r.days === null ? maxDate(r.start_date, from) : r.start_date, minDate(r.end_date, to))) {
    if (left <= 0) break;
    if (unit === 'working' && !calendar.isWorkingDay(d)) continue;
    const n = Math.min(1, left);
    push(d, n);
    left -= n;
  }
  if (r.days !== null && left > 0) push(r.end_date, left);
  return out;
}

/** The working days of a record that fall within `from`..`to` (an override filled from the first day, as in countedDays). */
export function recordDaysWithin(record: LeaveRecord, from: IsoDate, to: IsoDate, calendar: WorkCalendar): number {
  return sumDays(countedDays(record, from, to, 'working', calendar));
}

/** REG art.3 para.2: working days of a record (weekends and holidays out, swapped working days in), or its override. */
export function recordDays(record: LeaveRecord, calendar: WorkCalendar): number {
  return sumDays(countedDays(record, record.start_date, record.end_date, 'working', calendar));
}

function sumDays(amounts: readonly DayAmount[]): number {
  return amounts.reduce((n, a) => n + a.days, 0);
}

function tally(records: readonly LeaveRecord[], keep: (r: LeaveRecord) => boolean, from: IsoDate, to: IsoDate, unit: DayUnit, calendar: WorkCalendar): DayAmount[] {
  const all = records.filter(keep).flatMap((r) => countedDays(r, from, to, unit, calendar));
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** REG art.3 para.2: annual-leave working days from `from` to `to`, records cut at both ends. */
export function annualDaysTaken(records: readonly LeaveRecord[], from: IsoDate, to: IsoDate, calendar: WorkCalendar): number {
  return sumDays(tally(records, (r) => r.type === 'annual', from, to, 'working', calendar));
}

function reachedOn(amounts: readonly DayAmount[], limitOn: (d: IsoDate) => number): IsoDate | null {
  let sum = 0;
  for (const a of amounts) if ((sum += a.days) >= limitOn(a.date)) return a.date;
  return null;
}

const SICK: Record<Band, { months: number; rule: DisqualifyingEvent['rule']; service: string } | null> = {
  0: null,
  5: { months: 2, rule: 'REG art.4(3)', service: '1–<10 years' },
  10: { months: 3, rule: 'REG art.4(4)', service: '10–<20 years' },
  15: { months: 4, rule: 'REG art.4(5)', service: '20+ years' },
};

/** REG art.4(2)–(5): the first day of `year` (up to `asOf`) when paid personal leave reaches 20 working days or sick leave the band's months. */
export function findDisqualifyingEvent(emp: LeaveEmployee, records: readonly LeaveRecord[], year: number, asOf: IsoDate, calendar: WorkCalendar, policy: LeavePolicy): DisqualifyingEvent | null {
  const from = firstDayOfYear(year);
  const to = minDate(lastDayOfYear(year), asOf);
  if (to < from) return null;
  const personal = tally(records, (r) => r.type === 'personal' && r.wage_deducted !== true, from, to, 'working', calendar);
  const sick = tally(records, (r) => r.type === 'sick', from, to, 'calendar', calendar);
  const ws = workStartOf(emp);
  const sickOn = (d: IsoDate) => SICK[bandForYears(completedYears(ws, d))];
  const p = reachedOn(personal, () => 20);
  const s = reachedOn(sick, (d) => (sickOn(d)?.months ?? Number.POSITIVE_INFINITY) * policy.sick_month_days);
  if (p !== null && (s === null || p <= s)) {
    const days = sumDays(personal);
    return { rule: 'REG art.4(2)', kind: 'personal', days, limit: 20, reached_on: p, reason: `REG art.4(2): paid personal leave ${days} working days in ${year} (20 or more with pay not deducted; reached ${p})` };
  }
  if (s === null) return null;
  const band = sickOn(s) as NonNullable<(typeof SICK)[Band]>;
  const days = sumDays(sick);
  const limit = band.months * policy.sick_month_days;
  const reason = `${band.rule}: sick leave ${days} days in ${year} (${band.months} months × ${policy.sick_month_days} = ${limit} days or more at ${band.service}; reached ${s})`;
  return { rule: band.rule, kind: 'sick', days, limit, reached_on: s, reason };
}

export interface DisqualificationInput {
  emp: LeaveEmployee;
  records: readonly LeaveRecord[];
  year: number;
  asOf: IsoDate;
  calendar: WorkCalendar;
  policy: LeavePolicy;
  /** Days carried into `year` (taken first, so they are not "this year's leave"). */
  carried_in?: number;
  /** Days carried into `year − 1`. */
  previous_carried_in?: number;
}

/** This year's own annual days taken before the event (carried days are used first and do not count). */
function ownDaysBefore(input: DisqualificationInput, event: DisqualifyingEvent, carried: number): number {
  const from = firstDayOfYear(yearOf(event.reached_on));
  const taken = event.reached_on > from ? annualDaysTaken(input.records, from, addDays(event.reached_on, -1), input.calendar) : 0;
  return Math.max(0, taken - carried);
}

/** REG art.4 (same year) and MEA art.8 (next year's leave forfeited when this year's was already taken). */
export function assessDisqualification(input: DisqualificationInput): Disqualification {
  const { emp, records, year, asOf, calendar, policy } = input;
  const now = findDisqualifyingEvent(emp, records, year, asOf, calendar, policy);
  const before = findDisqualifyingEvent(emp, records, year - 1, asOf, calendar, policy);
  const nowTaken = now ? ownDaysBefore(input, now, input.carried_in ?? 0) : 0;
  const beforeTaken = before ? ownDaysBefore(input, before, input.previous_carried_in ?? 0) : 0;
  const reasons: string[] = [];
  if (now && nowTaken === 0) reasons.push(now.reason);
  if (before && beforeTaken > 0) {
    reasons.push(`MEA art.8: ${before.reason} after ${beforeTaken} days of ${year - 1} leave were taken, so ${year} leave is forfeited`);
  }
  const forfeits = now !== null && nowTaken > 0;
  return {
    disqualified: reasons.length > 0,
    reason: reasons.length > 0 ? reasons.join('; ') : null,
    forfeits_next_year: forfeits,
    note: forfeits && now ? `MEA art.8: ${now.reason} after ${nowTaken} days of ${year} leave were taken, so ${year + 1} leave is forfeited` : null,
  };
}

/** MEA art.13 (leave.extra_days): the matching rule with the highest min_company_years, by completed years at the company on 1 Jan. */
export function companyExtraDays(emp: LeaveEmployee, year: number, policy: LeavePolicy): { days: number; company_years: number } {
  const company_years = completedYears(emp.hire_date, firstDayOfYear(year));
  let best: { min_company_years: number; days: number } | null = null;
  for (const r of policy.extra_days) if (r.min_company_years <= company_years && (!best || r.min_company_years >= best.min_company_years)) best = r;
  return { days: best?.days ?? 0, company_years };
}

interface YearRow extends LeaveBalance {
  carry_out: number;
  /** Why nothing was carried into the year, when the year before it is not known (in `basis` too). */
  carry_note: string | null;
}

/** MEA art.5, art.12: employed on some day of `year` (hired by 31 December, not left before 1 January). */
export function employedInYear(emp: Pick<LeaveEmployee, 'hire_date' | 'termination_date'>, year: number): boolean {
  return emp.hire_date <= lastDayOfYear(year) && (emp.termination_date === null || emp.termination_date >= firstDayOfYear(year));
}

function balanceForYear(emp: LeaveEmployee, records: readonly LeaveRecord[], year: number, asOfDate: IsoDate, calendar: WorkCalendar, policy: LeavePolicy, carried: { now: number; before: number; unknown: boolean }): YearRow {
  // docs/leave.md §5: a leaver's leave and sick days count up to the last day of employment (MEA art.12's period), never after it.
  const asOf = emp.termination_date !== null ? minDate(asOfDate, emp.termination_date) : asOfDate;
  const employed = employedInYear(emp, year);
  const ent = computeEntitlement(emp, year, policy);
  const extra = employed ? companyExtraDays(emp, year, policy) : { days: 0, company_years: 0 };
  const carried_over_days = employed ? carried.now : 0;
  const dq: Disqualification = employed
    ? assessDisqualification({ emp, records, year, asOf, calendar, policy, carried_in: carried_over_days, previous_carried_in: carried.before })
    : { disqualified: false, reason: null, forfeits_next_year: false, note: null };
  const entitlement_days = dq.disqualified ? 0 : ent.entitlement_days;
  const extra_days = dq.disqualified ? 0 : extra.days;
  const taken_days = asOf < firstDayOfYear(year) ? 0 : annualDaysTaken(records, firstDayOfYear(year), minDate(lastDayOfYear(year), asOf), calendar);
  const parts = [ent.basis];
  if (extra.days > 0) parts.push(`company extra ${extra.days} (${yearsWord(extra.company_years)} at the company on ${firstDayOfYear(year)}, leave.extra_days)`);
  const carry_note = carried.unknown && employed ? `nothing carried over from ${year - 1}: no leave was imported for it` : null;
  if (carried_over_days > 0) parts.push(`carried over ${carried_over_days} from ${year - 1} (used first)`);
  else if (carry_note) parts.push(carry_note);
  if (dq.disqualified) parts.push(`disqualified → 0 (${dq.reason})`);
  if (dq.note) parts.push(dq.note);
  const own = entitlement_days + extra_days - Math.max(0, taken_days - carried_over_days);
  return {
    operator_id: emp.operator_id,
    name: emp.name,
    year,
    cumulative_years: ent.cumulative_years,
    band_days: ent.band_days,
    entitlement_days,
    extra_days,
    carried_over_days,
    taken_days,
    remaining_days: entitlement_days + extra_days + carried_over_days - taken_days,
    disqualified: dq.disqualified,
    disqualification_reason: dq.reason,
    basis: parts.join('; '),
    carry_out: policy.carry_over && employed ? Math.min(policy.carry_over.max_days, Math.max(0, own)) : 0,
    carry_note,
  };
}

/**
 * The year the carry-over chain starts from nothing (without carry-over, `year` itself): the hire
 * year, or `leaveKnownFrom`, the first year whose leave is known (the year of the earliest leave
 * record in the database; null: no leave imported at all; omitted: every year since the hire, the
 * records given being all there is). Nothing is carried out of a year before it: its unused days
 * are not known, and are not guessed (docs/leave.md §6).
 */
function firstYearToCompute(emp: LeaveEmployee, year: number, policy: LeavePolicy, leaveKnownFrom: number | null | undefined): number {
  const hired = yearOf(emp.hire_date);
  if (policy.carry_over === null || hired >= year) return year;
  return Math.min(year, Math.max(hired, leaveKnownFrom === undefined ? hired : (leaveKnownFrom ?? year)));
}

function yearRow(emp: LeaveEmployee, records: readonly LeaveRecord[], year: number, asOf: IsoDate, calendar: WorkCalendar, policy: LeavePolicy, leaveKnownFrom?: number | null): YearRow {
  const start = firstYearToCompute(emp, year, policy, leaveKnownFrom);
  // Employed in the year before the chain starts, whose leave is not known: say that nothing was carried from it.
  const carried = { now: 0, before: 0, unknown: policy.carry_over !== null && start > yearOf(emp.hire_date) };
  for (let y = start; ; y++) {
    const row = balanceForYear(emp, records, y, asOf, calendar, policy, carried);
    if (y >= year) return row;
    carried.before = carried.now;
    carried.now = row.carry_out;
    carried.unknown = false;
  }
}

/** docs/leave.md (REG arts.3–5, MEA arts.5, 8, 9, 13): one operator's leave for `year` as of `asOf`. */
export function computeBalance(emp: LeaveEmployee, records: readonly LeaveRecord[], year: number, asOf: IsoDate, calendar: WorkCalendar, policy: LeavePolicy, leaveKnownFrom?: number | null): LeaveBalance {
  const { carry_out: _carry, carry_note: _note, ...row } = yearRow(emp, records, year, asOf, calendar, policy, leaveKnownFrom);
  return row;
}

/** Round-half-up of a non-negative numerator / denominator (exact, in integers). */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

const yuan = (fen: number): string => `${intDiv(fen, 100)}.${pad2(fen % 100)}`;

/** Hundredths to text, truncated toward zero (never rounded up), with a real minus sign: −1.76. */
function hundredthsText(h: number): string {
  const a = Math.abs(h);
  return `${h < 0 ? '−' : ''}${intDiv(a, 100)}.${pad2(a % 100)}`;
}

/**
 * MEA art.12: owed = (days this year ÷ 365 × band) + unused carried days − days already taken, and
 * only then is the fraction of a day dropped ("折算后不足1整天的部分不支付"), never below 0. Exact in
 * integers: days are held in hundredths (halves and quarters of a day are exact there).
 */
function owedDays(numerator: number, carried: number, taken: number): { owed: number; shown: string } {
  const scaled = numerator * 100 + DIVISOR * (Math.round(carried * 100) - Math.round(taken * 100)); // ÷ 36 500 = days
  const owed = scaled <= 0 ? 0 : Math.floor(scaled / (DIVISOR * 100));
  const hundredths = Math.trunc(scaled / DIVISOR);
  return { owed, shown: `${hundredthsText(hundredths)} → ${owed}${scaled < 0 ? ' (not clawed back)' : ''}` };
}

/** MEA art.12 (days owed to a leaver), art.10 and REG art.5 (200 % extra), art.11 and WAGE (day wage = monthly / 21.75). */
export function computeSettlement(emp: LeaveEmployee, records: readonly LeaveRecord[], date: IsoDate, calendar: WorkCalendar, policy: LeavePolicy, leaveKnownFrom?: number | null): LeaveSettlement {
  const leaver: LeaveEmployee = { ...emp, termination_date: date };
  const year = yearOf(date);
  const row = yearRow(leaver, records, year, date, calendar, policy, leaveKnownFrom);
  const pro = proRata(leaver, year, minDate(date, lastDayOfYear(year)), policy);
  const carried = row.carried_over_days;
  const numerator = row.disqualified ? 0 : pro.numerator;
  const { owed, shown } = owedDays(numerator, carried, row.taken_days);
  const lead = date < emp.hire_date ? `leaving ${date} is before the hire date ${emp.hire_date}` : pro.lead;
  const plus = carried > 0 ? ` + ${carried} carried over` : '';
  const parts = row.disqualified
    ? [`${lead ? lead + ': ' : ''}${pro.terms} = ${twoDecimals(pro.numerator)}, disqualified → 0 (${row.disqualification_reason})`, `0${plus} − ${row.taken_days} taken = ${shown}`]
    : [`${lead ? lead + ': ' : ''}${pro.terms}${plus} − ${row.taken_days} taken = ${shown}`];
  if (row.carry_note) parts.push(row.carry_note);
  let daily_wage: number | null = null;
  let extra_pay: number | null = null;
  if (emp.monthly_wage === null) parts.push('no monthly wage on file: pay not computed');
  else {
    const monthlyFen = BigInt(Math.round(emp.monthly_wage * 100));
    const dailyFen = roundHalfUp(monthlyFen * 100n, 2175n);
    const extraFen = roundHalfUp(BigInt(Math.round(owed * 2)) * monthlyFen * 100n, 2175n);
    daily_wage = dailyFen / 100;
    extra_pay = extraFen / 100;
    const monthly = yuan(Number(monthlyFen));
    parts.push(`daily wage ${monthly} / 21.75 = ${yuan(dailyFen)}`);
    parts.push(`extra 200 %: ${owed} × 2 × ${monthly} / 21.75 = ${yuan(extraFen)}`);
  }
  return {
    operator_id: emp.operator_id,
    termination_date: date,
    entitlement_days: Math.trunc((numerator * 100) / DIVISOR) / 100,
    taken_days: row.taken_days,
    payable_unused_days: owed,
    daily_wage,
    extra_pay,
    basis: parts.join('; '),
  };
}
