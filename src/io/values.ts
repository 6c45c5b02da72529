/**
 * Parsers for the values of canonical import columns (docs/formats.md). Each takes the trimmed
 * cell text and returns the stored value, or throws a FieldError with the reason and a hint.
 * Empty cells are handled by the caller (NULL, or "required" when the column is required).
 */
import { isValidDate, localToEpoch, parseIsoMonth, type LocalTime } from '../domain/dates.js';

export class FieldError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const EXCEL_NUMBER = /^[+-]?\d(\.\d+)?E\+?\d+$/i;
const EXCEL_HINT = 'the column was saved by Excel as a number; format it as text in Excel and export again';

/** Full-width digits, letters and punctuation → ASCII (NFKC), only when needed. */
export function toHalfWidth(text: string): string {
  return /[\uff00-\uffef\u3000]/.test(text) ? text.normalize('NFKC') : text;
}

/**
 * An identifier (operator, call, order number): text, never a number, never Excel-mangled, with
 * no control character and no invisible format character (Unicode category Cf: U+200B, U+2060,
 * U+FEFF …), which would make `C1\u200b` a second call beside `C1`.
 */
export function parseId(text: string): string {
  // One test per id, as before: only an id with an e/E, a control or a non-ASCII character is
  // looked at further (the Unicode property test runs only on non-ASCII ids).
  if (SUSPICIOUS_ID.test(text)) {
    if (EXCEL_NUMBER.test(text)) throw new FieldError(`"${text}" looks like a number mangled by Excel`, EXCEL_HINT);
    if (CONTROL.test(text)) throw new FieldError('identifier contains control characters');
    const format = FORMAT_CHAR.exec(text);
    if (format) throw invisibleCharacter(format[0]);
  }
  return text;
}
const SUSPICIOUS_ID = /[eE\u0000-\u001f\u007f-\uffff]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const FORMAT_CHAR = /\p{Cf}/u;
const FORMAT_NAMES: Readonly<Record<number, string>> = {
  0xad: 'soft hyphen', 0x200b: 'zero-width space', 0x200c: 'zero-width non-joiner', 0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark', 0x2060: 'word joiner', 0xfeff: 'byte-order mark',
};

function invisibleCharacter(ch: string): FieldError {
  const code = ch.codePointAt(0) as number;
  const name = FORMAT_NAMES[code];
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return new FieldError(`identifier contains an invisible format character U+${hex}${name ? ` (${name})` : ''}`, 'retype the value: it holds a character that cannot be seen');
}

/** Free text, stored verbatim (trimmed). */
export function parseText(text: string): string {
  return text;
}

const PHONE_NULLS = new Set(['anonymous', 'unknown', 'private', 'restricted', '未知', '匿名', '隐藏号码', '无']);

/**
 * A phone number, normalised: separators removed, full-width digits made ASCII, a +86/0086
 * country code dropped from Chinese numbers; leading zeros kept. Returns null for "anonymous".
 */
export function parsePhone(text: string): string | null {
  if (PHONE_NULLS.has(text.toLowerCase())) return null;
  if (EXCEL_NUMBER.test(text)) throw new FieldError(`"${text}" is a phone number mangled by Excel`, EXCEL_HINT);
  let t = toHalfWidth(text).replace(/[\s\-().]/g, '');
  if (t.startsWith('+86')) t = t.slice(3);
  else if (t.startsWith('0086')) t = t.slice(4);
  if (!/^\+?\d{3,20}$/.test(t)) throw new FieldError(`"${text}" is not a phone number`);
  return t;
}

const DATE_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:[ T]+)(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:[.,]\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Seconds east of UTC of an offset (`Z`, `+08`, `+0800`, `+08:00`): −12:00 to +14:00, minutes < 60, else FieldError. */
function offsetSeconds(text: string, value: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  const seconds = sign * (hours * 3600 + minutes * 60);
  if (minutes > 59 || seconds < -12 * 3600 || seconds > 14 * 3600) {
    throw new FieldError(`"${value}" has an impossible UTC offset ${text}`, 'offsets run from -12:00 to +14:00, with minutes below 60 (e.g. +08:00)');
  }
  return seconds;
}

function rejectUnsupportedDate(text: string): never {
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    throw new FieldError(`"${text}" is an Excel date serial number, not a date`, 'format the column as yyyy-mm-dd hh:mm:ss in Excel and export again');
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(text)) {
    throw new FieldError(`"${text}" is ambiguous (day and month order unknown)`, 'use YYYY-MM-DD HH:mm:ss');
  }
  throw new FieldError(`"${text}" is not a date-time`, 'use YYYY-MM-DD HH:mm[:ss], YYYY/M/D H:mm[:ss] or ISO 8601');
}

/** Digit `i` of `text` (NaN when it is not an ASCII digit). */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

/**
 * "YYYY-MM-DD HH:mm:ss" (or with a T, or a T and a Z as the phone-system profiles write), the
 * form most exports use, read without a regular expression: an import reads millions of them.
 * Anything else (NaN somewhere): undefined.
 */
function fixedDateTime(text: string): LocalTime | undefined {
  if (text.length !== 19 && (text.length !== 20 || text.charCodeAt(19) !== 90)) return undefined;
  const sep = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const t: LocalTime = {
    year: digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3),
    month: digitAt(text, 5) * 10 + digitAt(text, 6),
    day: digitAt(text, 8) * 10 + digitAt(text, 9),
    hour: digitAt(text, 11) * 10 + digitAt(text, 12),
    minute: digitAt(text, 14) * 10 + digitAt(text, 15),
    second: digitAt(text, 17) * 10 + digitAt(text, 18),
  };
  return Number.isNaN(t.year + t.month + t.day + t.hour + t.minute + t.second) ? undefined : t;
}

/** A date-time; without an offset it is local to `zone`. Returns epoch seconds. */
export function parseDateTime(text: string, zone: string): number {
  const fixed = fixedDateTime(text);
  if (fixed) return checkedEpoch(text, fixed, text.length === 20 ? 'Z' : undefined, zone);
  const m = DATE_TIME.exec(toHalfWidth(text));
  if (!m || m[4] === undefined) rejectUnsupportedDate(text);
  const t: LocalTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
  };
  return checkedEpoch(text, t, m[7], zone);
}

/** Epoch seconds of a date-time read from `text`, once it is a real date and time of day. */
function checkedEpoch(text: string, t: LocalTime, offset: string | undefined, zone: string): number {
  if (!isValidDate(t.year, t.month, t.day)) throw new FieldError(`"${text}" is not a real date`);
  if (t.hour > 23 || t.minute > 59 || t.second > 59) throw new FieldError(`"${text}" is not a real time of day`);
  if (offset !== undefined) {
    return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) / 1000 - offsetSeconds(offset, text);
  }
  return localToEpoch(t, zone);
}

/** A calendar date, returned as 'YYYY-MM-DD'. */
export function parseDate(text: string): string {
  const m = DATE_TIME.exec(toHalfWidth(text));
  if (!m || m[7] !== undefined || (m[4] !== undefined && (m[4] !== '0' && m[4] !== '00' || m[5] !== '00'))) {
    if (m && m[4] !== undefined) throw new FieldError(`"${text}" has a time of day; a date is expected`, 'use YYYY-MM-DD');
    if (/^\d{5}(\.\d+)?$/.test(text)) rejectUnsupportedDate(text);
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)) rejectUnsupportedDate(text);
    throw new FieldError(`"${text}" is not a date`, 'use YYYY-MM-DD or YYYY/M/D');
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) throw new FieldError(`"${text}" is not a real date`);
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar month as exports spell it (YYYY-MM, YYYY/M, YYYY年M月: domain/dates.ts parseIsoMonth); returned as 'YYYY-MM'. */
export function parseMonth(text: string): string {
  const month = parseIsoMonth(toHalfWidth(text), 'export');
  if (!month) throw new FieldError(`"${text}" is not a month`, 'use YYYY-MM, a year from 1900 to 2999');
  return month;
}

const MAX_DURATION = 24 * 3600;

/** A duration: whole seconds or H:MM:SS. Returns seconds (0 – 24 h). */
export function parseDuration(text: string): number {
  if (text.length < 5 && /^\d+$/.test(text)) return Number(text);
  const t = toHalfWidth(text);
  let seconds: number;
  if (/^\d+$/.test(t)) {
    seconds = Number(t);
  } else {
    const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(t);
    if (!m) {
      if (/^-/.test(t)) throw new FieldError(`"${text}" is negative; a duration cannot be`);
      throw new FieldError(`"${text}" is not a duration`, 'use whole seconds (75) or H:MM:SS (0:01:15)');
    }
    seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  }
  if (seconds > MAX_DURATION) throw new FieldError(`"${text}" is longer than 24 hours`);
  return seconds;
}

const SECONDS_PER = { seconds: 1, minutes: 60, hours: 3600 } as const;

/**
 * A duration from a column whose header names minutes or hours (`通话时长（分钟）`, issue 17.6): a
 * decimal number of that unit, rounded to the second, or H:MM:SS as in any duration column.
 */
export function parseDurationIn(text: string, unit: 'minutes' | 'hours'): number {
  if (text.includes(':') || text.includes('：')) return parseDuration(text);
  const t = toHalfWidth(text);
  if (/^-/.test(t)) throw new FieldError(`"${text}" is negative; a duration cannot be`);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) throw new FieldError(`"${text}" is not a duration`, unit === 'minutes' ? 'use minutes (2.5) or H:MM:SS (0:02:30)' : 'use hours (0.5) or H:MM:SS (0:30:00)');
  const seconds = Math.round(Number(t) * SECONDS_PER[unit]);
  if (seconds > MAX_DURATION) throw new FieldError(`"${text}" is longer than 24 hours`);
  return seconds;
}

/**
 * Hours (a decimal, as training hours are stored) from a column whose header names another unit
 * of time: converted and rounded to 2 decimals; H:MM:SS is read as a time. At most `max` hours.
 */
export function parseHoursIn(text: string, unit: 'seconds' | 'minutes', max: number): number {
  const seconds = text.includes(':') || text.includes('：') ? parseDuration(text) : parseDecimal(text, { min: 0 }) * SECONDS_PER[unit];
  const hours = Math.round((seconds / 3600) * 100) / 100;
  if (hours > max) throw new FieldError(`${text} ${unit} is above the maximum ${max} hours`);
  return hours;
}

/** A decimal number such as 12.5 or -3 (no thousands separators, no units). */
export function parseDecimal(text: string, range?: { min?: number; max?: number }): number {
  const t = toHalfWidth(text);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    throw new FieldError(`"${text}" has a thousands separator`, `write it as ${t.replace(/,/g, '')}`);
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) throw new FieldError(`"${text}" is not a number`);
  const value = Number(t);
  if (range?.min !== undefined && value < range.min) throw new FieldError(`${text} is below the minimum ${range.min}`);
  if (range?.max !== undefined && value > range.max) throw new FieldError(`${text} is above the maximum ${range.max}`);
  return value;
}

/** A whole number within a range. */
export function parseInteger(text: string, range?: { min?: number; max?: number }): number {
  const value = parseDecimal(text, range);
  if (!Number.isInteger(value)) throw new FieldError(`"${text}" is not a whole number`);
  return value;
}

const YES = new Set(['1', 'y', 'yes', 'true', 't', '是', '对', '已解决', '已更正']);
const NO = new Set(['0', 'n', 'no', 'false', 'f', '否', '未解决', '未更正']);

/** Yes/no: 1/0, y/n, yes/no, true/false, 是/否. Returns 1 or 0. */
export function parseYesNo(text: string): number {
  const t = toHalfWidth(text).toLowerCase();
  if (YES.has(t)) return 1;
  if (NO.has(t)) return 0;
  throw new FieldError(`"${text}" is not yes or no`, 'use 1/0, yes/no, true/false or 是/否');
}

/** A value from a closed list given as synonym → canonical value (keys lower-case). */
export function parseEnum(text: string, synonyms: ReadonlyMap<string, string>, allowed: string): string {
  const value = synonyms.get(text) ?? synonyms.get(toHalfWidth(text).toLowerCase().replace(/\s+/g, ' '));
  if (value === undefined) throw new FieldError(`"${text}" is not one of ${allowed}`);
  return value;
}
