/**
 * Loading the working calendar: the official files in data/holidays (cn-YYYY.json) and the
 * company's own files named in policy.calendars (same layout), validated.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCalendar, type CalendarFile, type WorkCalendar } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import { readConfigFile } from './config-file.js';
import { protectFile } from './protected-files.js';

export const HOLIDAYS_DIR = fileURLToPath(new URL('../../data/holidays/', import.meta.url));

function readCalendarFile(path: string, official: boolean): CalendarFile {
  let data: unknown;
  try {
    data = JSON.parse(readConfigFile(path, { what: 'calendar file', note: official ? '' : ' (policy.calendars)', docs: 'docs/leave.md' }));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: not a readable JSON calendar (${(e as Error).message})`, { hint: 'see docs/leave.md for the calendar layout' });
  }
  const f = data as Partial<CalendarFile>;
  if (!Array.isArray(f.holidays) || !Array.isArray(f.workdays)) {
    throw new UsageError(`${path}: a calendar needs "holidays" and "workdays" lists of {"date", "name"}`);
  }
  // Only the official files say which years have a State Council calendar, and which days off are
  // statutory (the law's, not a company's): a company file's "statutory" is not read.
  const holidays = official ? f.holidays : f.holidays.map((h: { date: string; name: string }) => ({ date: h.date, name: h.name }));
  return { year: official && typeof f.year === 'number' ? f.year : undefined, source: f.source, holidays, workdays: f.workdays };
}

export interface LoadedCalendar {
  calendar: WorkCalendar;
  files: string[];
}

/** The official calendars plus the policy's company calendars (paths relative to the working directory). */
export function loadCalendar(companyFiles: readonly string[]): LoadedCalendar {
  const official = existsSync(HOLIDAYS_DIR) ? readdirSync(HOLIDAYS_DIR).filter((n) => /^cn-\d{4}\.json$/.test(n)).sort().map((n) => join(HOLIDAYS_DIR, n)) : [];
  const company = companyFiles.map((f) => resolve(f));
  for (const f of company) if (!existsSync(f)) throw new UsageError(`calendar ${f} (policy.calendars) not found`);
  for (const f of company) protectFile(f, 'the calendar file');
  const files = [...official, ...company];
  try {
    return { calendar: buildCalendar(files.map((f) => readCalendarFile(f, !company.includes(f)))), files };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError((e as Error).message, { hint: 'fix the calendar files named in policy.calendars' });
  }
}
