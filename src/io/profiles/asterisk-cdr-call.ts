/**
 * One call from its Asterisk CDR records (docs/profiles.md, asterisk-cdr): the legs are read
 * and checked one by one, then the call's start, outcome, wait, talk and operator are derived
 * from all of them.
 */
import { CDR, type CdrLayout } from './asterisk-cdr-layout.js';
import { directionOf, type CallDirection } from './call-direction.js';
import { localChannelBase, operatorFromChannel } from './operator-id.js';
import { dateTime, RecordProblem, wholeNumber, type FieldProblem } from './profile-values.js';

const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION', 'CANCEL', 'UNKNOWN']);

/** One CDR record; `problem` set when it cannot be used (its whole call is then rejected). */
export interface CdrLeg {
  line: number;
  record: string[];
  problem?: FieldProblem;
  src: string;
  dst: string;
  dcontext: string;
  channel: string;
  dstchannel: string;
  lastapp: string;
  startText: string;
  /** Epoch seconds (0 when the record has a problem). */
  start: number;
  answer: number | null;
  end: number;
  billsec: number;
  answered: boolean;
  uniqueid: string;
  linkedid: string;
}

/** The keys that join a record to its call: linkedid, else uniqueid (else channel@start), plus Local channel halves. */
export function legKeys(leg: CdrLeg): string[] {
  const keys = [leg.linkedid ? `L:${leg.linkedid}` : leg.uniqueid ? `U:${leg.uniqueid}` : `C:${leg.channel}@${leg.startText}`];
  if (!leg.linkedid) {
    const out = localChannelBase(leg.dstchannel, '1');
    const back = localChannelBase(leg.channel, '2');
    if (out) keys.push(`A:${out}`);
    if (back) keys.push(`A:${back}`);
  }
  return keys;
}

/** Reads one record of a known layout; never throws (a bad field becomes `problem`). */
export function readLeg(record: string[], line: number, layout: CdrLayout, zone: string): CdrLeg {
  const f = (i: number | undefined): string => (i === undefined ? '' : (record[i] ?? ''));
  const leg: CdrLeg = {
    line, record, src: f(CDR.src), dst: f(CDR.dst), dcontext: f(CDR.dcontext), channel: f(CDR.channel), dstchannel: f(CDR.dstchannel),
    lastapp: f(CDR.lastapp), startText: f(CDR.start), start: 0, answer: null, end: 0, billsec: 0, answered: false,
    uniqueid: f(layout.uniqueid), linkedid: f(layout.linkedid),
  };
  try {
    leg.start = dateTime(leg.startText, zone, 'start');
    leg.answer = f(CDR.answer) === '' ? null : dateTime(f(CDR.answer), zone, 'answer');
    leg.end = dateTime(f(CDR.end), zone, 'end');
    const duration = wholeNumber(f(CDR.duration), 'duration');
    leg.billsec = wholeNumber(f(CDR.billsec), 'billsec');
    const disposition = f(CDR.disposition).toUpperCase();
    if (!DISPOSITIONS.has(disposition)) {
      throw new RecordProblem({ column: 'disposition', value: f(CDR.disposition), reason: `"${f(CDR.disposition)}" is not an Asterisk disposition (ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, CANCEL)` });
    }
    leg.answered = disposition === 'ANSWERED';
    if (leg.billsec > duration) throw new RecordProblem({ column: 'billsec', value: String(leg.billsec), reason: `billsec ${leg.billsec} is longer than duration ${duration}` });
    if (leg.end < leg.start) throw new RecordProblem({ column: 'end', value: f(CDR.end), reason: `end ${f(CDR.end)} is before start ${leg.startText}` });
    if (leg.answered && leg.answer === null) throw new RecordProblem({ column: 'answer', value: '', reason: 'disposition ANSWERED but no answer time' });
    if (leg.answered && leg.answer !== null && leg.answer < leg.start) throw new RecordProblem({ column: 'answer', value: f(CDR.answer), reason: `answer ${f(CDR.answer)} is before start ${leg.startText}` });
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    leg.problem = e.problem;
  }
  return leg;
}

/** What kind of call it was, for the report's notes. */
export type CallNote = 'outbound' | 'queue-no-member' | 'dialplan-answered' | null;

export interface CdrCall {
  call_id: string;
  started_at: string;
  operator_id: string;
  direction: CallDirection;
  outcome: 'answered' | 'abandoned';
  wait: number | null;
  talk: number | null;
  phone: string;
  note: CallNote;
}

const isLocalBack = (l: CdrLeg): boolean => localChannelBase(l.channel, '2') !== undefined;
const byStart = (a: CdrLeg, b: CdrLeg): number => a.start - b.start || a.line - b.line;

/** From the first answer to the last answered leg's end (= billsec when one leg answered). */
function talkSpan(legs: CdrLeg[]): number {
  const first = Math.min(...legs.map((l) => l.answer as number));
  return Math.max(...legs.map((l) => (l.answer as number) + l.billsec)) - first;
}

/** The call id of a group: linkedid, else the caller's uniqueid, else channel@start. */
export function callIdOf(legs: CdrLeg[]): string {
  const caller = [...legs].sort(byStart).find((l) => !isLocalBack(l)) ?? (legs[0] as CdrLeg);
  return caller.linkedid || caller.uniqueid || `${caller.channel}@${caller.startText}`;
}

/** Derives the call from its (valid) legs. */
export function buildCall(legs: CdrLeg[]): CdrCall {
  const sorted = [...legs].sort(byStart);
  const caller = sorted.find((l) => !isLocalBack(l)) ?? (sorted[0] as CdrLeg);
  const first = sorted[0] as CdrLeg;
  const base = { call_id: callIdOf(legs), started_at: first.startText };
  const direction = directionOf({ context: caller.dcontext, caller: caller.src, destination: caller.dst });
  const answered = legs.filter((l) => l.answered);
  const lastEnd = Math.max(...legs.map((l) => l.end));
  if (direction === 'outbound') {
    const outcome = answered.length > 0 ? 'answered' : 'abandoned';
    return { ...base, operator_id: operatorFromChannel(caller.channel), direction, outcome, wait: null, talk: answered.length > 0 ? talkSpan(answered) : null, phone: caller.dst, note: 'outbound' };
  }
  const inbound = { ...base, direction, phone: caller.src };
  const bridged = answered.filter((l) => l.dstchannel !== '');
  if (bridged.length > 0) {
    const taker = [...bridged].sort((a, b) => (a.answer as number) - (b.answer as number) || Number(a.dstchannel.startsWith('Local/')) - Number(b.dstchannel.startsWith('Local/')) || a.line - b.line)[0] as CdrLeg;
    return { ...inbound, operator_id: operatorFromChannel(taker.dstchannel), outcome: 'answered', wait: (taker.answer as number) - first.start, talk: talkSpan(bridged), note: null };
  }
  if (answered.length > 0 && answered.every((l) => l.lastapp.toLowerCase() === 'queue')) {
    return { ...inbound, operator_id: '', outcome: 'abandoned', wait: lastEnd - first.start, talk: null, note: 'queue-no-member' };
  }
  if (answered.length > 0) {
    const firstAnswer = Math.min(...answered.map((l) => l.answer as number));
    return { ...inbound, operator_id: '', outcome: 'answered', wait: firstAnswer - first.start, talk: talkSpan(answered), note: 'dialplan-answered' };
  }
  return { ...inbound, operator_id: '', outcome: 'abandoned', wait: lastEnd - first.start, talk: null, note: null };
}
