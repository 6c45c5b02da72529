/** Date arguments that depend on the policy zone: today, yesterday, YYYY-MM-DD. */
import { addDays, localDateOf, monthOf, parseIsoDate, parseIsoMonth, startOfLocalDay, type IsoDate, type IsoMonth } from '../domain/dates.js';
import { InputError, UsageError } from '../errors.js';
import { FieldError, parseDateTime } from '../io/values.js';

/** Resolves 'today', 'yesterday' or a date in `zone` at `now` (epoch seconds). */
export function resolveDay(text: string, zone: string, now: number): IsoDate {
  const today = localDateOf(now, zone);
  if (text === 'today') return today;
  if (text === 'yesterday') return addDays(today, -1);
  const d = parseIsoDate(text);
  if (!d) throw new InputError(`"${text}" is not a date`, { hint: 'use YYYY-MM-DD, today or yesterday' });
  return d;
}

/**
 * Commander parser for a day: kept as text, checked when the command runs (an invalid date is
 * bad input, exit 3, so that cron jobs can tell it from a wrong flag).
 */
export function dayArg(text: string): string {
  return text;
}

export interface DayRangeFlags {
  date?: string;
  from?: string;
  to?: string;
}

/** --date D, or --from/--to, as an inclusive local-day range. */
export function resolveRange(flags: DayRangeFlags, zone: string, now: number): { from?: IsoDate; to?: IsoDate } {
  if (flags.date && (flags.from || flags.to)) throw new UsageError('give --date, or --from/--to, not both');
  if (flags.date) {
    const d = resolveDay(flags.date, zone, now);
    return { from: d, to: d };
  }
  const from = flags.from ? resolveDay(flags.from, zone, now) : undefined;
  const to = flags.to ? resolveDay(flags.to, zone, now) : undefined;
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/**
 * A YYYY-MM option value as a month. Every month option has parseMonthArg (src/cli/options.ts),
 * so commander has already refused an invalid month (exit 2); one that gets here anyway is a
 * usage error too.
 */
export function resolveMonth(text: string | undefined): IsoMonth {
  const m = parseIsoMonth(text ?? '');
  if (!m) throw new UsageError(`"${text ?? ''}" is not a month`, { hint: 'use YYYY-MM' });
  return m;
}

/** A month option's value, or the month of today in `zone` at `now` (epoch seconds) when it is not given. */
export function monthOrCurrent(text: string | undefined, zone: string, now: number): IsoMonth {
  return text ? resolveMonth(text) : monthOf(localDateOf(now, zone));
}

/** --as-of: a day means its last second; a date-time is read in the policy zone; none: `now`. */
export function asOfEpoch(text: string | undefined, zone: string, now: number): number {
  if (!text) return now;
  const day = parseIsoDate(text);
  if (day) return startOfLocalDay(addDays(day, 1), zone) - 1;
  try {
    return parseDateTime(text, zone);
  } catch (e) {
    if (e instanceof FieldError) throw new InputError(`--as-of ${e.message}`, { hint: 'use YYYY-MM-DD or YYYY-MM-DD HH:mm' });
    throw e;
  }
}
