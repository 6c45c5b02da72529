/**
 * FreeSWITCH mod_cdr_csv, `example` template (docs/profiles.md, "freeswitch-cdr"): checking the file, reading one
 * leg, and one call from its legs (an A-leg, plus its B-leg when the file was written with legs=ab).
 */
import { InputError } from '../../errors.js';
import { directionOf } from './call-direction.js';
import { isHeaderRow, looksLikeDateTime, RecordProblem, wholeNumber, type CdrProfileCall, type DateTimeReader, type FieldProblem } from './profile-values.js';

/** 0-based columns of the `example` template. */
export const FS = {
  caller_id_name: 0, caller_id_number: 1, destination_number: 2, context: 3, start_stamp: 4, answer_stamp: 5, end_stamp: 6,
  duration: 7, billsec: 8, hangup_cause: 9, uuid: 10, bleg_uuid: 11, accountcode: 12, read_codec: 13, write_codec: 14,
} as const;
const COLUMNS = Object.keys(FS);

export interface FsLeg {
  line: number;
  record: string[];
  problem?: FieldProblem;
  number: string;
  destination: string;
  context: string;
  startText: string;
  start: number;
  /** Answer time; from end − billsec when answer_stamp is empty but billsec > 0. */
  answer: number | null;
  end: number;
  billsec: number;
  hangupCause: string;
  uuid: string;
  bleg: string;
}

const HINT = 'hotline reads FreeSWITCH Master.csv written with the "example" template (15 columns), the vanilla default-template';

/** Refuses a first record that is not the `example` template, saying what it looks like. */
export function checkFreeswitchFile(record: readonly string[], line: number, file: string): void {
  const at = `${file}: line ${line}`;
  const date = (i: number): boolean => looksLikeDateTime(record[i] ?? '');
  if (isHeaderRow(record, new Set(COLUMNS))) {
    throw new InputError(`${at}: this is a header row (${record.slice(0, 4).join(', ')}, …); mod_cdr_csv writes none`, { hint: 'delete the header line, or import the file without --profile (its header names the columns)' });
  }
  const n = record.length;
  if (n >= 16 && n <= 21 && date(9)) {
    const cause = record[14] ?? '';
    if (n === 18 && /^[A-Z]+_[A-Z_]+$/.test(cause)) throw new InputError(`${at}: 18 columns with a hangup cause in column 15: this is FreeSWITCH's "asterisk" template, which hotline does not read`, { hint: `${HINT}: set default-template="example" in cdr_csv.conf.xml` });
    throw new InputError(`${at}: ${n} columns with the start time in column 10: this is an Asterisk cdr_csv Master.csv, not FreeSWITCH`, { hint: 'use --profile asterisk-cdr' });
  }
  if (n === 1 && (record[0] ?? '').includes('|')) throw new InputError(`${at}: |-separated fields: this looks like an Asterisk queue_log`, { hint: 'use --profile asterisk-queue-log' });
  if (n !== 15) throw new InputError(`${at}: ${n} column${n === 1 ? '' : 's'}; the "example" template writes 15`, { hint: `${HINT}; other templates (default, snom, linksys, custom) are not read` });
  if (!date(FS.start_stamp)) throw new InputError(`${at}: column 5 (start_stamp) is "${record[FS.start_stamp]}", not a date-time: this is not the "example" template`, { hint: HINT });
}

/** Reads one record; never throws (a bad field becomes `problem`). */
export function readFsLeg(record: string[], line: number, dates: DateTimeReader): FsLeg {
  const f = (i: number): string => record[i] ?? '';
  const leg: FsLeg = {
    line, record, number: f(FS.caller_id_number), destination: f(FS.destination_number), context: f(FS.context), startText: f(FS.start_stamp),
    start: 0, answer: null, end: 0, billsec: 0, hangupCause: f(FS.hangup_cause), uuid: f(FS.uuid), bleg: f(FS.bleg_uuid),
  };
  try {
    if (record.length !== 15) throw new RecordProblem({ column: '', value: '', reason: `${record.length} columns; the "example" template writes 15`, hint: 'a caller-id name with a quote or a line break breaks the line (mod_cdr_csv does not escape)' });
    if (leg.uuid === '') throw new RecordProblem({ column: 'uuid', value: '', reason: 'empty uuid' });
    leg.start = dates.read(leg.startText, 'start_stamp');
    const answer = f(FS.answer_stamp) === '' ? null : dates.read(f(FS.answer_stamp), 'answer_stamp');
    leg.end = dates.read(f(FS.end_stamp), 'end_stamp');
    const duration = wholeNumber(f(FS.duration), 'duration');
    leg.billsec = wholeNumber(f(FS.billsec), 'billsec');
    if (leg.billsec > duration) throw new RecordProblem({ column: 'billsec', value: String(leg.billsec), reason: `billsec ${leg.billsec} is longer than duration ${duration}` });
    if (leg.end < leg.start) throw new RecordProblem({ column: 'end_stamp', value: f(FS.end_stamp), reason: `end_stamp ${f(FS.end_stamp)} is before start_stamp ${leg.startText}` });
    if (answer !== null && answer < leg.start) throw new RecordProblem({ column: 'answer_stamp', value: f(FS.answer_stamp), reason: `answer_stamp ${f(FS.answer_stamp)} is before start_stamp ${leg.startText}` });
    leg.answer = answer ?? (leg.billsec > 0 ? leg.end - leg.billsec : null);
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    leg.problem = e.problem;
  }
  return leg;
}

/** The A-leg: the leg whose bleg_uuid is another leg of the call, else the earliest. */
export function aLegOf(legs: FsLeg[]): FsLeg {
  const sorted = [...legs].sort((a, b) => a.start - b.start || a.line - b.line);
  return legs.find((l) => l.bleg !== '' && legs.some((o) => o.uuid === l.bleg)) ?? (sorted[0] as FsLeg);
}

/** Derives the call from its (valid) legs. */
export function buildFsCall(legs: FsLeg[]): CdrProfileCall {
  const a = aLegOf(legs);
  const start = Math.min(...legs.map((l) => l.start));
  const first = legs.find((l) => l.start === start) as FsLeg;
  const direction = directionOf({ context: a.context, caller: a.number, destination: a.destination });
  const answered = legs.filter((l) => l.answer !== null);
  const base = { call_id: a.uuid, started_at: first.startText, direction };
  const talk = answered.length === 0 ? null : Math.max(...answered.map((l) => (l.answer as number) + l.billsec)) - Math.min(...answered.map((l) => l.answer as number));
  const outcome = answered.length > 0 ? 'answered' : 'abandoned';
  if (direction === 'outbound') return { ...base, operator_id: a.number, outcome, wait: null, talk, phone: a.destination };
  const wait = answered.length > 0 ? Math.min(...answered.map((l) => l.answer as number)) - start : Math.max(...legs.map((l) => l.end)) - start;
  return { ...base, operator_id: '', outcome, wait, talk, phone: a.number };
}
