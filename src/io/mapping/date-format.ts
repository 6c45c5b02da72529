/**
 * Date and time formats of a mapping file ("YYMMDD", "H:mm:ss", "DD/MM/YYYY HH:mm"): tokens
 * YYYY YY MM M DD D HH H mm ss, anything else a literal. A compiled format reads one cell into
 * its parts; the caller turns them into hotline's canonical "YYYY-MM-DD HH:mm:ss" text.
 */
import { isValidDate } from '../../domain/dates.js';

export type DatePart = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'minute' | 'second';

const TOKENS: ReadonlyArray<[string, DatePart, string]> = [
  ['YYYY', 'year', '(\\d{4})'],
  ['YY', 'year2', '(\\d{2})'],
  ['MM', 'month', '(\\d{2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{2})'],
  ['D', 'day', '(\\d{1,2})'],
  ['HH', 'hour', '(\\d{2})'],
  ['H', 'hour', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
];

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** A format as a mapping holds it: plain data, so that a checked mapping can go to another thread as it is. */
export interface DateFormatText {
  /** The format as written in the mapping. */
  text: string;
  /** Which parts the format reads. */
  parts: ReadonlySet<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;
}

/** A compiled format (compileDateFormat), where cells are read. */
export interface DateFormat extends DateFormatText {
  /** The parts of a cell, or the reason it does not match. */
  read(cell: string): DateParts | string;
}

/**
 * Two-digit years as POSIX strptime %y reads them: 69–99 are 1969–1999, 00–68 are 2000–2068.
 */
export function expandYear2(yy: number): number {
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

/** Compiles a format; throws Error with the reason when it is not one (unknown or repeated part). */
export function compileDateFormat(text: string): DateFormat {
  if (text.length === 0) throw new Error('the format is empty');
  let pattern = '';
  const order: DatePart[] = [];
  const parts = new Set<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>();
  /** The 1-or-2-digit token (M, D, H) in the current run of digit tokens (no literal since). */
  let loose: string | undefined;
  let i = 0;
  while (i < text.length) {
    const token = TOKENS.find(([t]) => text.startsWith(t, i));
    if (token) {
      const [t, part, re] = token;
      const kind = part === 'year2' ? 'year' : part;
      if (parts.has(kind)) throw new Error(`"${t}" repeats the ${kind} already in the format`);
      if (re.includes('{1,2}')) {
        // Two such tokens in one run of digits ("YYYYMD": 2026111) can split the run two ways.
        if (loose) throw new Error(`${loose} and ${t} both take 1 or 2 digits and nothing separates them, so the digits split two ways (111 is 1 and 11, or 11 and 1); use ${loose}${loose} and ${t}${t}, or put a separator between them`);
        loose = t;
      }
      parts.add(kind);
      order.push(part);
      pattern += re;
      i += t.length;
    } else {
      const ch = text[i] as string;
      // Letters other than the ISO 'T' are mistakes ("hh", "yyyy", "SS"), not literals.
      if (/[A-SU-Za-z]/.test(ch)) throw new Error(`"${ch}" at position ${i + 1} is not a token (tokens: YYYY YY MM M DD D HH H mm ss)`);
      pattern += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      loose = undefined;
      i++;
    }
  }
  const re = new RegExp(`^${pattern}$`);
  return {
    text,
    parts,
    read(cell: string): DateParts | string {
      const m = re.exec(cell);
      if (!m) return `does not match the format ${text}`;
      const out: DateParts = {};
      order.forEach((part, k) => {
        const n = Number(m[k + 1]);
        if (part === 'year2') out.year = expandYear2(n);
        else out[part] = n;
      });
      if (out.year !== undefined && out.month !== undefined && out.day !== undefined && !isValidDate(out.year, out.month, out.day)) {
        return `is not a real date (format ${text})`;
      }
      if ((out.hour ?? 0) > 23 || (out.minute ?? 0) > 59 || (out.second ?? 0) > 59) return `is not a real time of day (format ${text})`;
      return out;
    },
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "YYYY-MM-DD" of parts that have a year, month and day. */
export function canonicalDate(p: DateParts): string {
  return `${pad(p.year as number, 4)}-${pad(p.month as number)}-${pad(p.day as number)}`;
}

/** "YYYY-MM-DD HH:mm:ss" of parts with a date and at least hours and minutes. */
export function canonicalDateTime(p: DateParts): string {
  return `${canonicalDate(p)} ${pad(p.hour as number)}:${pad(p.minute as number)}:${pad(p.second ?? 0)}`;
}
