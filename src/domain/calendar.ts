/**
 * The working calendar: weekends off, official days off and swapped working days (调休) from
 * the State Council notices (data/holidays/cn-YYYY.json), which also mark the statutory holidays
 * (法定节假日), plus a company's own closures. Pure: callers load the files and pass them in.
 */
import { addDays, dateParts, parseIsoDate, type IsoDate } from './dates.js';

export interface CalendarFile {
  year?: number;
  source?: string;
  /**
   * Days off (放假), weekdays and weekends alike; `statutory: true` on the statutory holidays of
   * 《全国年节及纪念日放假办法》 art.2 (official files only: data/holidays/README.md says whence).
   */
  holidays: readonly { date: string; name: string; statutory?: boolean }[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly { date: string; name: string }[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'swapped_workday';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** The holiday's or swapped day's name, e.g. 国庆节 or 国庆节调休. */
  name: string | null;
}

export interface WorkCalendar {
  day(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** A statutory holiday (法定节假日) that the official calendar gives as a day off; none in a year without one. */
  isStatutoryHoliday(date: IsoDate): boolean;
  /** Years that have an official calendar; others fall back to weekends only. */
  coveredYears: ReadonlySet<number>;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Builds a calendar from official and company files; a date in both lists is an error. */
export function buildCalendar(files: readonly CalendarFile[]): WorkCalendar {
  const off = new Map<string, string>();
  const on = new Map<string, string>();
  const covered = new Set<number>();
  const statutory = new Set<string>();
  for (const f of files) {
    if (f.year !== undefined) covered.add(f.year);
    for (const h of f.holidays) {
      if (!parseIsoDate(h.date)) throw new Error(`calendar: "${h.date}" is not a date`);
      if (h.statutory !== undefined && typeof h.statutory !== 'boolean') throw new Error(`calendar: ${h.date}: "statutory" must be true or false`);
      off.set(h.date, h.name);
      if (h.statutory) statutory.add(h.date);
    }
    for (const w of f.workdays) {
      if (!parseIsoDate(w.date)) throw new Error(`calendar: "${w.date}" is not a date`);
      on.set(w.date, w.name);
    }
  }
  for (const d of on.keys()) if (off.has(d)) throw new Error(`calendar: ${d} is both a day off and a working day`);
  function day(date: IsoDate): DayInfo {
    const holiday = off.get(date);
    if (holiday !== undefined) return { date, kind: 'holiday', working: false, name: holiday };
    const swapped = on.get(date);
    if (swapped !== undefined) return { date, kind: 'swapped_workday', working: true, name: swapped };
    const wd = weekday(date);
    return wd === 0 || wd === 6 ? { date, kind: 'weekend', working: false, name: null } : { date, kind: 'workday', working: true, name: null };
  }
  return { day, isWorkingDay: (d) => day(d).working, isStatutoryHoliday: (d) => statutory.has(d), coveredYears: covered };
}

/** Every date from `from` to `to` inclusive. */
export function* eachDay(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** Working days from `from` to `to` inclusive (REG art.3: weekly rest days and holidays excluded). */
export function countWorkingDays(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (const d of eachDay(from, to)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** Issue 17 item 9: the warning when days from `from` to `to` fall in years with no official calendar, or null. */
export function coverageWarning(calendar: WorkCalendar, from: IsoDate, to: IsoDate): string | null {
  const missing = uncoveredYears(calendar, from, to);
  return missing.length > 0 ? `warning: no official holiday calendar for ${missing.join(', ')} in data/holidays: weekends only there` : null;
}

/** Years between `from` and `to` with no official calendar (weekends only there). */
export function uncoveredYears(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!calendar.coveredYears.has(y)) out.push(y);
  return out;
}
