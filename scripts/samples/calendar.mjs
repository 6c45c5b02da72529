/**
 * The sample period, 2026-08-01 … 2026-10-31 (local time Asia/Shanghai), and its working calendar
 * from the official holiday file data/holidays/cn-2026.json (中秋节 09-25…27, 国庆节 10-01…07,
 * swapped working days 09-20 and 10-10). A day is the UTC-midnight ms of its local calendar date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DAY_MS = 86_400_000;
export const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);
export const stamp = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
export const day = (s) => Date.parse(`${s}T00:00:00Z`);
export const monthOf = (ms) => ymd(ms).slice(0, 7);

export const MONTHS = ['2026-08', '2026-09', '2026-10'];
export const FIRST_DAY = day('2026-08-01');
export const LAST_DAY = day('2026-10-31');
export const DAYS = Array.from({ length: (LAST_DAY - FIRST_DAY) / DAY_MS + 1 }, (_, i) => FIRST_DAY + i * DAY_MS);
export const daysOf = (month) => DAYS.filter((ms) => monthOf(ms) === month);

export function loadCalendar(root) {
  const official = JSON.parse(readFileSync(join(root, 'data', 'holidays', 'cn-2026.json'), 'utf8'));
  return { holidays: new Set(official.holidays.map((h) => h.date)), swapped: new Set(official.workdays.map((w) => w.date)) };
}

/** 'workday', 'weekend' or 'holiday' in `calendar` (from loadCalendar). */
export function dayKind(calendar, ms) {
  if (calendar.holidays.has(ymd(ms))) return 'holiday';
  const wd = new Date(ms).getUTCDay();
  return calendar.swapped.has(ymd(ms)) || (wd >= 1 && wd <= 5) ? 'workday' : 'weekend';
}
