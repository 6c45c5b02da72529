/**
 * Calendar dates and time-zone arithmetic. Pure: no clock, no I/O. Uses Intl (full ICU ships
 * with Node) for zone offsets, cached per quarter hour so that a million calls cost little; a
 * zone known to be fixed (FIXED_OFFSETS) skips Intl.
 */

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };
/** A calendar month 'YYYY-MM'. */
export type IsoMonth = string & { readonly __brand: 'IsoMonth' };

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
let lastZone = '';
let lastDay = NaN;
let lastOffset = 0;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA time-zone name this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA spelling of a time zone written in another case ("asia/shanghai" → "Asia/Shanghai"):
 * Intl accepts any case, but the zone is stored and compared as text. Other names as given.
 */
export function zoneSpelling(zone: string): string {
  if (!isValidTimeZone(zone)) return zone;
  const lower = zone.toLowerCase();
  const resolved = formatterFor(zone).resolvedOptions().timeZone;
  if (resolved.toLowerCase() === lower) return resolved;
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === lower) ?? zone;
}

/** Whether two time-zone names are the same zone as hotline stores them (the same name in any case). */
export function sameZoneName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Offset of `zone` from UTC, in seconds, at the instant `epochSeconds`. */
export function zoneOffsetSeconds(zone: string, epochSeconds: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  // A zone changes its offset at most once in a UTC day: when the offsets at both ends of the
  // day agree, that offset holds all day; otherwise look it up per quarter hour.
  const day = Math.floor(epochSeconds / 86400);
  if (zone === lastZone && day === lastDay) return lastOffset;
  let cache = offsetCache.get(zone);
  if (!cache) offsetCache.set(zone, (cache = new Map()));
  let offset = cache.get(day);
  if (offset === undefined) {
    const start = offsetAt(zone, day * 86400);
    offset = start === offsetAt(zone, day * 86400 + 86399) ? start : NaN;
    if (cache.size > 100_000) cache.clear();
    cache.set(day, offset);
  }
  if (Number.isNaN(offset)) return offsetAt(zone, Math.floor(epochSeconds / 900) * 900);
  lastZone = zone;
  lastDay = day;
  lastOffset = offset;
  return offset;
}

/**
 * Zones whose offset has not changed since an instant (epoch seconds), answered without Intl: the
 * first Intl.DateTimeFormat of a process costs 20-30 ms (V8 lists ICU's locales), which a short
 * report such as `calls list` would otherwise pay for the default zone alone. Each entry is
 * checked against ICU by tests/domain/dates-fixed-zones.test.ts.
 */
export const FIXED_OFFSETS: ReadonlyMap<string, { since: number; offset: number }> = new Map([
  // UTC+8 without daylight saving since 1991-09-14 17:00 UTC (tzdata); taken from 1992-01-01.
  ['Asia/Shanghai', { since: 694_224_000, offset: 28_800 }],
]);

/** 10000-01-01T00:00Z: beyond it (up to a Date's limit) Intl is asked, as before. */
const FIXED_UNTIL = 253_402_300_800;

function offsetAt(zone: string, at: number): number {
  const fixed = FIXED_OFFSETS.get(zone);
  if (fixed !== undefined && at >= fixed.since && at < FIXED_UNTIL) return fixed.offset;
  const parts = formatterFor(zone).formatToParts(new Date(at * 1000));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) / 1000 - at;
}

/** Days in a month (month 1–12), proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The years a date or a month may have: 0000-01 is not a month anyone was paid in. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** True when year-month-day names a real calendar day. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Epoch seconds of a wall-clock time in `zone` (the earlier instant when the clock repeats). */
export function localToEpoch(t: LocalTime, zone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) / 1000;
  const first = wall - zoneOffsetSeconds(zone, wall);
  const second = wall - zoneOffsetSeconds(zone, first);
  if (second === first) return first;
  // Near a transition: keep the candidates that read back as this wall time (the earlier one when
  // the clock repeats an hour); in a skipped hour neither does, and the time moves forward.
  const valid = [first, second].filter((t) => t + zoneOffsetSeconds(zone, t) === wall);
  return valid.length > 0 ? Math.min(...valid) : Math.max(first, second);
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** The wall-clock time in `zone` of the instant `epochSeconds`. */
export function epochToLocal(epochSeconds: number, zone: string): LocalTime {
  const d = new Date((epochSeconds + zoneOffsetSeconds(zone, epochSeconds)) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** 'YYYY-MM-DD' of a local time. */
export function formatDate(t: Pick<LocalTime, 'year' | 'month' | 'day'>): IsoDate {
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)}` as IsoDate;
}

/** 'YYYY-MM-DDTHH:mm:ss' of a local time (no offset: the policy zone is implied). */
export function formatLocalDateTime(t: LocalTime): string {
  return `${formatDate(t)}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}

/** Parses a strict 'YYYY-MM-DD'; undefined when it is not a real day. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  return isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? (text as IsoDate) : undefined;
}

/** The year, month (1–12) and day of a date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The month of a date (2026-10-31 → 2026-10). */
export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7) as IsoMonth;
}

/** Months from 0000-01 to `month` (2026-01 → 24312): months to compare, subtract and rotate on. */
export function monthIndex(month: IsoMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthAt(index: number): IsoMonth {
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}` as IsoMonth;
}

/** The month `n` months after (or before, if negative) `month`: the next month is addMonths(m, 1), the previous addMonths(m, -1). */
export function addMonths(month: IsoMonth, n: number): IsoMonth {
  return monthAt(monthIndex(month) + n);
}

/** Months from `from` to `to` (2025-12 → 2026-01 is 1; negative when `to` is before `from`). */
export function monthsBetween(from: IsoMonth, to: IsoMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/** The `n` months ending with `month`, oldest first. */
export function monthsEndingAt(month: IsoMonth, n: number): IsoMonth[] {
  const end = monthIndex(month);
  return Array.from({ length: n }, (_, k) => monthAt(end - n + 1 + k));
}

/** The twelve months of `year`, January first. */
export function monthsOfYear(year: number): IsoMonth[] {
  return Array.from({ length: 12 }, (_, k) => monthAt(year * 12 + k));
}

/** The first day of `month`. */
export function firstDayOf(month: IsoMonth): IsoDate {
  return `${month}-01` as IsoDate;
}

/** The last day of `month` (2024-02 → 2024-02-29). */
export function lastDayOf(month: IsoMonth): IsoDate {
  return `${month}-${pad2(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}` as IsoDate;
}

/** Every day of `month`, in order. */
export function daysOf(month: IsoMonth): IsoDate[] {
  const n = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return Array.from({ length: n }, (_, k) => `${month}-${pad2(k + 1)}` as IsoDate);
}

/** 1 January of `year`. */
export function firstDayOfYear(year: number): IsoDate {
  return `${year}-01-01` as IsoDate;
}

/** 31 December of `year`. */
export function lastDayOfYear(year: number): IsoDate {
  return `${year}-12-31` as IsoDate;
}

/**
 * How a month may be spelt: `iso` is 'YYYY-MM' only (command-line options: typed by people and
 * scripts, one spelling); `export` also takes what other systems export into a month column:
 * YYYY-M, YYYY/M, YYYY.M and YYYY年M月 (ASCII digits: io/values.ts makes full-width ones ASCII).
 */
export type MonthSpelling = 'iso' | 'export';

const MONTH_SPELLINGS: Readonly<Record<MonthSpelling, RegExp>> = {
  iso: /^(\d{4})-(\d{2})$/,
  export: /^(\d{4})[-/.年](\d{1,2})月?$/,
};

/** The one month parser (options and imports): 'YYYY-MM' of a real month with a year from 1900 to 2999, as dates; else undefined. */
export function parseIsoMonth(text: string, spelling: MonthSpelling = 'iso'): IsoMonth | undefined {
  const m = MONTH_SPELLINGS[spelling].exec(text);
  if (!m) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 ? (`${m[1]}-${pad2(month)}` as IsoMonth) : undefined;
}

/** The date `days` after (or before, if negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** The local calendar date in `zone` of the instant `epochSeconds`. */
export function localDateOf(epochSeconds: number, zone: string): IsoDate {
  // Imports ask for the dates of millions of instants in time order: the date string of the last
  // local day asked for (a day number on the local clock, whatever the zone) is given again.
  const day = Math.floor((epochSeconds + zoneOffsetSeconds(zone, epochSeconds)) / 86400);
  if (day === lastDate.day) return lastDate.date;
  const date = formatDate(epochToLocal(epochSeconds, zone));
  lastDate = { day, date };
  return date;
}
let lastDate: { day: number; date: IsoDate } = { day: NaN, date: '' as IsoDate };

/** The hour (0–23) on the wall clock in `zone` at the instant `epochSeconds`. */
export function localHourOf(epochSeconds: number, zone: string): number {
  const local = epochSeconds + zoneOffsetSeconds(zone, epochSeconds);
  return Math.floor((local - Math.floor(local / 86400) * 86400) / 3600);
}

/** Epoch seconds of local midnight starting `date` in `zone`. */
export function startOfLocalDay(date: IsoDate, zone: string): number {
  return localToEpoch({ ...dateParts(date), hour: 0, minute: 0, second: 0 }, zone);
}
