/** Small value helpers shared by the phone-system profiles. */
import { FieldError, parseDateTime, parsePhone } from '../values.js';
import type { BadRow } from '../import-protocol.js';
import type { CallDirection } from './call-direction.js';
import type { ProfileReport } from './types.js';

/** The canonical call columns every phone-system profile emits, in this order. */
export const CALL_HEADERS = ['call_id', 'started_at', 'operator_id', 'direction', 'outcome', 'wait_seconds', 'talk_seconds', 'customer_phone'] as const;

/** A call as a CDR profile (asterisk-cdr, freeswitch-cdr) derives it from its records. */
export interface CdrProfileCall {
  call_id: string;
  started_at: string;
  operator_id: string;
  direction: CallDirection;
  outcome: 'answered' | 'abandoned';
  wait: number | null;
  talk: number | null;
  /** The customer's number as written (callCells keeps it only when it is a phone number). */
  phone: string;
}

/** The cells of a call in CALL_HEADERS order; `phone` is the call's number when it is one, else ''. */
export function callCells(call: CdrProfileCall, phone: string): string[] {
  return [call.call_id, call.started_at, call.operator_id, call.direction, call.outcome, seconds(call.wait), seconds(call.talk), phone];
}

const seconds = (v: number | null): string => (v === null ? '' : String(v));

/** `YYYY-MM-DD HH:MM:SS` as PBXs write it (Excel-resaved `2020/2/10 22:41` also passes). */
export function looksLikeDateTime(text: string): boolean {
  return /^\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?$/.test(text);
}

/** True when at least three cells are column names (a header row where none belongs). */
export function isHeaderRow(record: readonly string[], words: ReadonlySet<string>): boolean {
  return record.filter((c) => words.has(c.trim().toLowerCase())).length >= 3;
}

/** The day last formatted by epochToIso (`YYYY-MM-DDT`): calls come in time order, so most share it. */
let isoDay = NaN;
let isoDayText = '';
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Epoch seconds → `YYYY-MM-DDTHH:mm:ssZ`. */
export function epochToIso(epoch: number): string {
  // Whole seconds from 1970 to 9999: the date part once per day, the time by arithmetic.
  if (Number.isInteger(epoch) && epoch >= 0 && epoch < 253402300800) {
    const day = Math.floor(epoch / 86400);
    if (day !== isoDay) {
      isoDay = day;
      isoDayText = new Date(day * 86400000).toISOString().slice(0, 11);
    }
    const s = epoch - day * 86400;
    return `${isoDayText}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}Z`;
  }
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A record problem, before the profile adds the record and line. */
export interface FieldProblem {
  column: string;
  value: string;
  reason: string;
  hint?: string;
}

/** Thrown inside a profile's record parser; turned into a BadRow. */
export class RecordProblem extends Error {
  constructor(readonly problem: FieldProblem) {
    super(problem.reason);
  }
}

/** A BadRow from a problem, a record and its line. */
export function issueOf(p: FieldProblem, record: string[], line: number): BadRow {
  return { line, column: p.column, value: p.value, reason: p.reason, ...(p.hint ? { hint: p.hint } : {}), record };
}

/** A whole number of seconds (or milliseconds) ≥ 0, or a RecordProblem naming the column. */
export function wholeNumber(text: string, column: string): number {
  if (!/^\d{1,12}$/.test(text)) throw new RecordProblem({ column, value: text, reason: text === '' ? 'empty; a whole number is expected' : `"${text}" is not a whole number` });
  return Number(text);
}

/** A PBX date-time read in `zone` (epoch seconds), or a RecordProblem naming the column. */
export function dateTime(text: string, zone: string, column: string): number {
  try {
    return parseDateTime(text, zone);
  } catch (e) {
    if (e instanceof FieldError) throw new RecordProblem({ column, value: text, reason: e.message, hint: e.hint });
    throw e;
  }
}

const PLAIN_TIME = /^(\d{4}-\d{2}-\d{2} \d{2}):([0-5]\d):([0-5]\d)$/;

/**
 * Reads PBX date-times in one zone, fast: the epoch of each local hour (`YYYY-MM-DD HH`) is worked
 * out once (zone offsets change on the hour), then minutes and seconds are added. Any other
 * spelling goes through parseDateTime.
 */
export class DateTimeReader {
  private readonly hours = new Map<string, number>();
  /** The hour (`YYYY-MM-DD HH`) last read and its epoch: records come in time order, so most times share it. */
  private lastHour = '';
  private lastEpoch = 0;
  constructor(private readonly zone: string) {}
  /** Epoch seconds of `text`, or a RecordProblem naming the column. */
  read(text: string, column: string): number {
    // Fast path: the same hour as the previous time, `:MM:SS` with MM and SS in 00-59 (what
    // PLAIN_TIME accepts), without a regular expression or a map lookup.
    if (text.length === 19 && this.lastHour !== '' && text.startsWith(this.lastHour)) {
      const m1 = text.charCodeAt(14) - 48;
      const m2 = text.charCodeAt(15) - 48;
      const s1 = text.charCodeAt(17) - 48;
      const s2 = text.charCodeAt(18) - 48;
      if (text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9 && s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9) {
        return this.lastEpoch + (m1 * 10 + m2) * 60 + s1 * 10 + s2;
      }
    }
    const m = PLAIN_TIME.exec(text);
    if (!m) return dateTime(text, this.zone, column);
    const hour = m[1] as string;
    let epoch = this.hours.get(hour);
    if (epoch === undefined) {
      epoch = dateTime(`${hour}:00:00`, this.zone, column);
      if (this.hours.size >= 10_000) this.hours.clear();
      this.hours.set(hour, epoch);
    }
    this.lastHour = hour;
    this.lastEpoch = epoch;
    return epoch + Number(m[2]) * 60 + Number(m[3]);
  }
}

/** The caller's number when it is a phone number; '' otherwise ("test", a SIP user name, …). */
export function phoneOrEmpty(text: string): string {
  if (text === '') return '';
  try {
    return parsePhone(text) === null ? '' : text;
  } catch {
    return '';
  }
}

/** "1 record", "5 records". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A fresh, empty report. */
export function emptyReport(): ProfileReport {
  return { records: 0, calls: 0, merged_records: 0, ignored_events: {}, unfinished_calls: [], notes: [] };
}

/** Counters that become report notes ("3 calls …"); a note appears only when its count is not 0. */
export class NoteCounter {
  private readonly counts = new Map<string, number>();
  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  /** Notes from templates keyed like the counters; `{n}` is the count, `{s}` an 's' unless it is 1. */
  render(templates: Readonly<Record<string, string>>): string[] {
    const out: string[] = [];
    for (const [key, text] of Object.entries(templates)) {
      const n = this.get(key);
      if (n > 0) out.push(text.replace('{n}', String(n)).replaceAll('{s}', n === 1 ? '' : 's'));
    }
    return out;
  }
}
